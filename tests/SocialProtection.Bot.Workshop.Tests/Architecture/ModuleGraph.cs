using Mono.Cecil;
using Mono.Cecil.Cil;

namespace SocialProtection.Bot.Workshop.Tests.Architecture;

/// <summary>
/// Which workshop modules use which, read from the compiled assembly: every type's base type, interfaces, fields,
/// properties, method signatures and the types, methods and fields its method bodies touch (so a <c>using</c> that
/// names nothing counts for nothing, and a fully qualified name in a method body still counts).
/// </summary>
internal sealed class ModuleGraph
{
    public const string Root = "SocialProtection.Bot.Workshop";
    public const string Core = "Core";

    private readonly Dictionary<string, SortedDictionary<string, SortedSet<string>>> _edges = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, SortedDictionary<string, SortedSet<string>>> Edges => _edges;

    /// <summary>"Core" for the core, the feature's name (Participants, Facilitation, …), or null for the composition root and other assemblies.</summary>
    public static string? ModuleOf(string? @namespace)
    {
        if (@namespace is null || !@namespace.StartsWith(Root + ".", StringComparison.Ordinal))
        {
            return null;
        }
        var rest = @namespace[(Root.Length + 1)..];
        var dot = rest.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? rest : rest[..dot];
    }

    public void Add(string from, string to, string evidence)
    {
        if (from == to)
        {
            return;
        }
        if (!_edges.TryGetValue(from, out var targets))
        {
            _edges[from] = targets = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        }
        if (!targets.TryGetValue(to, out var why))
        {
            targets[to] = why = new SortedSet<string>(StringComparer.Ordinal);
        }
        why.Add(evidence);
    }

    public static ModuleGraph Read(string assemblyPath)
    {
        var graph = new ModuleGraph();
        using var assembly = AssemblyDefinition.ReadAssembly(assemblyPath);
        foreach (var type in assembly.MainModule.GetTypes())
        {
            if (ModuleOf(OuterNamespace(type)) is not { } from)
            {
                continue;
            }
            foreach (var used in ReferencedTypes(type))
            {
                if (ModuleOf(OuterNamespace(used)) is { } to)
                {
                    graph.Add(from, to, $"{OuterName(type)} -> {OuterName(used)}");
                }
            }
        }
        return graph;
    }

    /// <summary>Every cycle between modules (each as the modules on it), found with Tarjan's strongly connected components.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Cycles()
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var cycles = new List<IReadOnlyList<string>>();
        var next = 0;
        var nodes = _edges.Keys.Concat(_edges.Values.SelectMany(t => t.Keys)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);

        void Visit(string node)
        {
            index[node] = low[node] = next++;
            stack.Push(node);
            onStack.Add(node);
            foreach (var target in _edges.TryGetValue(node, out var t) ? t.Keys : Enumerable.Empty<string>())
            {
                if (!index.TryGetValue(target, out var targetIndex))
                {
                    Visit(target);
                    low[node] = Math.Min(low[node], low[target]);
                }
                else if (onStack.Contains(target))
                {
                    low[node] = Math.Min(low[node], targetIndex);
                }
            }
            if (low[node] == index[node])
            {
                var component = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    onStack.Remove(member);
                    component.Add(member);
                }
                while (member != node);
                if (component.Count > 1)
                {
                    component.Sort(StringComparer.Ordinal);
                    cycles.Add(component);
                }
            }
        }

        foreach (var node in nodes)
        {
            if (!index.ContainsKey(node))
            {
                Visit(node);
            }
        }
        return cycles;
    }

    public string Explain(string from, string to) =>
        _edges.TryGetValue(from, out var t) && t.TryGetValue(to, out var why)
            ? $"{from} -> {to}: {string.Join("; ", why.Take(5))}{(why.Count > 5 ? $" (+{why.Count - 5} more)" : "")}"
            : $"{from} -> {to}";

    private static string? OuterNamespace(TypeReference type)
    {
        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }
        return type.Namespace;
    }

    private static string OuterName(TypeReference type)
    {
        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }
        return type.Name;
    }

    private static List<TypeReference> ReferencedTypes(TypeDefinition type)
    {
        var found = new List<TypeReference>();
        void AddType(TypeReference? reference)
        {
            switch (reference)
            {
                case null:
                    return;
                case GenericInstanceType generic:
                    AddType(generic.ElementType);
                    foreach (var argument in generic.GenericArguments)
                    {
                        AddType(argument);
                    }
                    return;
                case TypeSpecification specification:
                    AddType(specification.ElementType);
                    return;
                case GenericParameter:
                    return;
                default:
                    found.Add(reference);
                    return;
            }
        }
        void AddMethod(MethodReference method)
        {
            AddType(method.DeclaringType);
            AddType(method.ReturnType);
            foreach (var parameter in method.Parameters)
            {
                AddType(parameter.ParameterType);
            }
            if (method is GenericInstanceMethod generic)
            {
                foreach (var argument in generic.GenericArguments)
                {
                    AddType(argument);
                }
            }
        }

        AddType(type.BaseType);
        foreach (var implemented in type.Interfaces)
        {
            AddType(implemented.InterfaceType);
        }
        foreach (var field in type.Fields)
        {
            AddType(field.FieldType);
        }
        foreach (var property in type.Properties)
        {
            AddType(property.PropertyType);
        }
        foreach (var method in type.Methods)
        {
            AddMethod(method);
            if (!method.HasBody)
            {
                continue;
            }
            foreach (var variable in method.Body.Variables)
            {
                AddType(variable.VariableType);
            }
            foreach (var instruction in method.Body.Instructions)
            {
                switch (instruction.Operand)
                {
                    case TypeReference t:
                        AddType(t);
                        break;
                    case MethodReference m:
                        AddMethod(m);
                        break;
                    case FieldReference f:
                        AddType(f.DeclaringType);
                        AddType(f.FieldType);
                        break;
                }
            }
        }
        return found;
    }
}
