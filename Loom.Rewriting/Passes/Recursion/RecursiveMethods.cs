using System.Collections.Generic;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Loom.Rewriting.Passes.Recursion;

/// <summary>
/// The methods of a module that can call themselves through calls the compiler binds to a method of the same module
/// (<c>call</c>, <c>callvirt</c> and <c>newobj</c> of a method it defines): each one on a cycle of the module's call
/// graph. Recursion through virtual dispatch to an override, an interface or a delegate is not seen.
/// </summary>
internal static class RecursiveMethods
{
    /// <summary>Finds them with Tarjan's algorithm, iteratively: a deep call graph must not overflow the rewriter's own stack.</summary>
    public static HashSet<MethodDefinition> Of(ModuleDefinition module)
    {
        var calls = new Dictionary<MethodDefinition, List<MethodDefinition>>();
        foreach (var type in module.GetTypes())
        {
            foreach (var method in type.Methods)
            {
                if (method.HasBody)
                    calls[method] = Callees(method, module);
            }
        }

        var recursive = new HashSet<MethodDefinition>();
        var index = new Dictionary<MethodDefinition, int>();
        var low = new Dictionary<MethodDefinition, int>();
        var onStack = new HashSet<MethodDefinition>();
        var stack = new Stack<MethodDefinition>();
        var next = 0;
        foreach (var root in calls.Keys)
        {
            if (index.ContainsKey(root))
                continue;
            var work = new Stack<(MethodDefinition Method, int Edge)>();
            work.Push((root, 0));
            index[root] = low[root] = next++;
            stack.Push(root);
            onStack.Add(root);
            while (work.Count > 0)
            {
                var (method, edge) = work.Pop();
                var callees = calls[method];
                if (edge < callees.Count)
                {
                    work.Push((method, edge + 1));
                    var callee = callees[edge];
                    if (!calls.ContainsKey(callee))
                        continue;
                    if (callee == method)
                    {
                        recursive.Add(method);
                    }
                    else if (!index.ContainsKey(callee))
                    {
                        index[callee] = low[callee] = next++;
                        stack.Push(callee);
                        onStack.Add(callee);
                        work.Push((callee, 0));
                    }
                    else if (onStack.Contains(callee))
                    {
                        low[method] = System.Math.Min(low[method], index[callee]);
                    }
                    continue;
                }
                if (work.Count > 0)
                {
                    var caller = work.Peek().Method;
                    low[caller] = System.Math.Min(low[caller], low[method]);
                }
                if (low[method] != index[method])
                    continue;
                // The root of a strongly connected component: more than one method in it means a cycle through them all.
                var component = new List<MethodDefinition>();
                MethodDefinition member;
                do
                {
                    member = stack.Pop();
                    onStack.Remove(member);
                    component.Add(member);
                }
                while (member != method);
                if (component.Count > 1)
                    recursive.UnionWith(component);
            }
        }
        return recursive;
    }

    private static List<MethodDefinition> Callees(MethodDefinition method, ModuleDefinition module)
    {
        var callees = new List<MethodDefinition>();
        foreach (var instruction in method.Body.Instructions)
        {
            if (instruction.OpCode.Code is Code.Call or Code.Callvirt or Code.Newobj
                && instruction.Operand is MethodReference called
                && InModule(called, module) is { } definition)
            {
                callees.Add(definition);
            }
        }
        return callees;
    }

    private static MethodDefinition? InModule(MethodReference called, ModuleDefinition module)
    {
        var element = called is GenericInstanceMethod generic ? generic.ElementMethod : called;
        if (element is MethodDefinition definition)
            return definition.Module == module ? definition : null;
        // A method of a generic instance of a type this module defines (List<T>-like types of the user's own).
        return element.DeclaringType.GetElementType() is TypeDefinition declaring && declaring.Module == module ? element.Resolve() : null;
    }
}
