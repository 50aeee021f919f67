global using Loom.Tests.EndToEnd;
