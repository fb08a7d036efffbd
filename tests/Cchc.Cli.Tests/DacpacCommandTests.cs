using Microsoft.SqlServer.Dac;

namespace Cchc.Cli.Tests;

/// <summary><c>cchc dacpac --out FILE</c> writes a DAC package DacFx loads, without a server or a warehouse.</summary>
public sealed class DacpacCommandTests
{
    [Fact]
    public void Writes_a_package_that_DacFx_loads()
    {
        var directory = Directory.CreateTempSubdirectory("cchc-dacpac-cli-");
        try
        {
            var path = Path.Combine(directory.FullName, "deploy", "cchc.dacpac");
            var (code, output, err) = CliHarness.Run("dacpac", "--out", path);
            Assert.True(code == CliApp.Ok, err);
            Assert.Contains("SqlPackage /Action:Publish", output, StringComparison.Ordinal);
            using var package = DacPackage.Load(path);
            Assert.Equal("cchc", package.Name);
            Assert.NotNull(package.PostDeploymentScript);
            Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!, "*.tmp-*"));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void Needs_out_and_refuses_a_folder()
    {
        Assert.Equal(CliApp.Usage, CliHarness.Run("dacpac").ExitCode);
        var (code, _, err) = CliHarness.Run("dacpac", "--out", Path.GetTempPath());
        Assert.Equal(CliApp.Usage, code);
        Assert.Contains("names a folder", err, StringComparison.Ordinal);
    }
}
