// Makes the project's libraries usable from a notebook: finds the folder where `dotnet build etl/Cchc.Cli` put them,
// references them, and teaches .NET where their native parts (DuckDB, Skia) are. The notebook kernel is not the
// `cchc` application, so it does not read cchc.deps.json, which is what normally tells .NET about runtimes/<rid>/native.
// Uses nothing from the project itself: it has to run before the project's assemblies are referenced.
using System.IO;
using System.Reflection;
using System.Runtime.InteropServices;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.CSharp;

/// <summary>CCHC_NOTEBOOK_BIN if set (the test sets it), else the newest Debug/Release build of etl/Cchc.Cli above here.</summary>
static string FindCchcBin()
{
    if (Environment.GetEnvironmentVariable("CCHC_NOTEBOOK_BIN") is { Length: > 0 } given)
    {
        return File.Exists(Path.Combine(given, "cchc.dll"))
            ? Path.GetFullPath(given)
            : throw new FileNotFoundException($"CCHC_NOTEBOOK_BIN is {given}, but cchc.dll is not there.");
    }

    for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
    {
        var builds = new[] { "Debug", "Release" }
            .Select(c => Path.Combine(dir.FullName, "etl", "Cchc.Cli", "bin", c, "net10.0", "cchc.dll"))
            .Where(File.Exists)
            .OrderByDescending(File.GetLastWriteTimeUtc)
            .ToList();
        if (builds.Count > 0)
        {
            return Path.GetDirectoryName(builds[0])!;
        }
    }

    throw new FileNotFoundException(
        "The project is not built: run `dotnet build etl/Cchc.Cli` in the repository, or set CCHC_NOTEBOOK_BIN to the folder holding cchc.dll.");
}

/// <summary>runtimes/&lt;rid&gt;/native/&lt;library&gt; in the build folder, the way the cchc application would find it.</summary>
static IntPtr LoadCchcNative(string bin, string library)
{
    var os = OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux";
    var rid = $"{os}-{RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant()}";
    var names = new[] { library, library + ".so", library + ".dylib", library + ".dll", $"lib{library}.so", $"lib{library}.dylib" };
    foreach (var folder in new[] { RuntimeInformation.RuntimeIdentifier, rid, os }.Distinct())
    {
        foreach (var name in names)
        {
            var path = Path.Combine(bin, "runtimes", folder, "native", name);
            if (File.Exists(path))
            {
                return NativeLibrary.Load(path);
            }
        }
    }

    return IntPtr.Zero; // fall back to .NET's own search
}

var cchcBin = FindCchcBin();

void HookNativeResolver(Assembly assembly)
{
    if (assembly.GetName().Name is "DuckDB.NET.Bindings" or "SkiaSharp" or "HarfBuzzSharp" or "Microsoft.ML.FastTree" or "Microsoft.ML.CpuMath")
    {
        try
        {
            NativeLibrary.SetDllImportResolver(assembly, (library, _, _) => LoadCchcNative(cchcBin, library));
        }
        catch (InvalidOperationException)
        {
            // Already hooked: this cell ran before in the same kernel.
        }
    }
}

AppDomain.CurrentDomain.AssemblyLoad += (_, e) => HookNativeResolver(e.LoadedAssembly);
foreach (var loaded in AppDomain.CurrentDomain.GetAssemblies())
{
    HookNativeResolver(loaded);
}

// Dependencies of the project's assemblies (ML.NET, SqlClient, ...) load from the same folder on demand.
AppDomain.CurrentDomain.AssemblyResolve += (_, e) =>
    Path.Combine(cchcBin, new AssemblyName(e.Name).Name + ".dll") is var candidate && File.Exists(candidate) ? Assembly.LoadFrom(candidate) : null;

((CSharpKernel)Kernel.Root.FindKernelByName("csharp")).AddAssemblyReferences(
    new[] { "Cchc.Warehouse", "Cchc.Reports", "Dapper", "DuckDB.NET.Data", "DuckDB.NET.Bindings", "ScottPlot", "SkiaSharp" }
        .Select(name => Path.Combine(cchcBin, name + ".dll")));
