namespace Cchc.Etl.Tests;
