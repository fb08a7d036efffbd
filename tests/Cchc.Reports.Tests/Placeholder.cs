namespace Cchc.Reports.Tests;
