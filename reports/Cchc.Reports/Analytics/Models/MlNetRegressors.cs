using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;

namespace Cchc.Reports.Analytics.Models;

/// <summary>
/// ML.NET learners behind <see cref="IRegressor"/>. Deterministic: a fresh <see cref="MLContext"/> with the fixed seed
/// per fit, single-threaded trainers, rows in a fixed order; two runs give identical numbers.
/// </summary>
internal sealed class MlNetRegressor : IRegressor
{
    private readonly Func<MLContext, IEstimator<ITransformer>> _pipeline;
    private readonly int _seed;

    private MlNetRegressor(string name, int seed, Func<MLContext, IEstimator<ITransformer>> pipeline)
    {
        Name = name;
        _seed = seed;
        _pipeline = pipeline;
    }

    public string Name { get; }

    public bool IsBaseline => false;

    /// <summary>Gradient-boosted trees (FastTree), small and regularised for a few hundred rows: 60 trees of 8 leaves at a
    /// learning rate of 0.08 (the evaluation refits it dozens of times, so it is kept cheap).</summary>
    public static MlNetRegressor FastTree(int seed) => new("FastTree (boosted trees)", seed, ml =>
        ml.Regression.Trainers.FastTree(new FastTreeRegressionTrainer.Options
        {
            NumberOfThreads = 1,
            Seed = seed,
            FeatureSelectionSeed = seed,
            NumberOfTrees = 60,
            NumberOfLeaves = 8,
            MinimumExampleCountPerLeaf = 10,
            LearningRate = 0.08,
        }));

    /// <summary>Linear model (SDCA, L2-regularised) on standardised features, for comparison.</summary>
    public static MlNetRegressor Linear(int seed) => new("Linear (SDCA)", seed, ml =>
        ml.Transforms.NormalizeMeanVariance(nameof(Columns.Features))
            .Append(ml.Regression.Trainers.Sdca(new SdcaRegressionTrainer.Options
            {
                NumberOfThreads = 1,
                L2Regularization = 0.1f,
                MaximumNumberOfIterations = 200,
                Shuffle = true,
            })));

    public IFittedRegressor Fit(IReadOnlyList<ModelRow> training, int featureCount)
    {
        var ml = new MLContext(_seed);
        var data = Columns.ToDataView(ml, training, featureCount);
        var model = _pipeline(ml).Fit(data);
        return new Fitted(ml, model, featureCount);
    }

    private sealed class Fitted(MLContext ml, ITransformer model, int featureCount) : IFittedRegressor
    {
        private ITransformer? _explainer;

        public IReadOnlyList<double> Predict(IReadOnlyList<ModelRow> rows) =>
            model.Transform(Columns.ToDataView(ml, rows, featureCount)).GetColumn<float>("Score").Select(s => (double)s).ToList();

        public IReadOnlyList<double>? Contributions(ModelRow row)
        {
            var scored = model.Transform(Columns.ToDataView(ml, [row], featureCount));
            if (_explainer is null)
            {
                var predictor = model is IEnumerable<ITransformer> chain ? chain.Last() : model;
                if (predictor is not ISingleFeaturePredictionTransformer<ICalculateFeatureContribution> explainable)
                {
                    return null;
                }

                _explainer = ml.Transforms.CalculateFeatureContribution(explainable, featureCount, featureCount, normalize: false).Fit(scored);
            }

            return _explainer.Transform(scored).GetColumn<float[]>("FeatureContributions").Single().Select(v => (double)v).ToList();
        }
    }

    /// <summary>The in-memory shape ML.NET reads (a feature vector whose length is set at run time).</summary>
    private sealed class Columns
    {
        public float Label { get; set; }

        public float[] Features { get; set; } = [];

        public static IDataView ToDataView(MLContext ml, IEnumerable<ModelRow> rows, int featureCount)
        {
            var schema = SchemaDefinition.Create(typeof(Columns));
            schema[nameof(Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, featureCount);
            return ml.Data.LoadFromEnumerable(
                rows.Select(r => new Columns { Label = (float)r.Target, Features = r.Features.Select(f => (float)f).ToArray() }).ToList(), schema);
        }
    }
}
