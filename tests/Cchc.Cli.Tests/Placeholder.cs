namespace Cchc.Cli.Tests;
