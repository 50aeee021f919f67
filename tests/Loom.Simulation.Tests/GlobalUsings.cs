// System.Threading is not imported (Loom.Threading's types share its names); these are the parts the tests use.
global using CancellationToken = System.Threading.CancellationToken;
global using CancellationTokenSource = System.Threading.CancellationTokenSource;
