using System.Globalization;
using Cchc.Cli.Parsing;
using Cchc.Warehouse.Dacpac;

namespace Cchc.Cli.Commands;

/// <summary>
/// <c>cchc dacpac --out FILE</c>: writes the SQL Server schema as a DAC package, built from the same scripts the
/// migrations run, for a DBA to publish with <c>SqlPackage /Action:Publish</c> (or review with <c>/Action:Script</c>)
/// instead of letting <c>cchc</c> migrate. Needs no server and no warehouse (warehouse/README.md, "DAC package").
/// </summary>
internal sealed class DacpacCommand : ICommand
{
    public string Name => "dacpac";

    public string Summary => "Write the SQL Server schema as a DAC package for SqlPackage (no server needed)";

    public void Declare(CommandSyntax syntax) => syntax
        .Text("out", "FILE", "the package to write (e.g. cchc.dacpac)", required: true)
        .Json("what the package holds")
        .Example("cchc dacpac --out out/cchc.dacpac", "the schema as a DAC package, for SqlPackage /Action:Publish or /Action:Script");

    public int Run(CommandContext context)
    {
        var output = context.Line.RequireOption("out");
        if (Directory.Exists(output))
        {
            throw new UsageException($"--out names a folder ({output}); give the package's file name, e.g. {Path.Combine(output, "cchc.dacpac")}");
        }

        var package = DacPackageWriter.Write(output);
        if (context.Json)
        {
            context.WriteJson(package);
        }
        else
        {
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Wrote {package.Path} (DAC package {DacPackageWriter.PackageName} {package.Version}: {package.Objects} objects from {package.Scripts} schema scripts, {package.SizeBytes / 1024.0:0} KB)"));
            context.Out.WriteLine("Publish it: SqlPackage /Action:Publish /SourceFile:\"" + package.Path + "\" /TargetServerName:<server> /TargetDatabaseName:<database>");
        }

        return CliApp.Ok;
    }
}
