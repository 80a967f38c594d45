// CourseKit side of the benchmark: the same models, sizes, optimizers and step counts as
// bench/bench_pytorch.py, timed the same way. Prints one JSON object per model.
//
//   dotnet run -c Release --project bench/CourseKit.Bench -- --threads 2 --mlp-steps 400 --dcgan-steps 20 --wgan-gp-steps 20 --vae-steps 300 --pixelcnn-steps 20 --sample-batches 1 --unet-steps 6 --op-calls 20000
using System.Text.Json;
using CourseKit.Bench;
using static CourseKit.torch;

var threads = Environment.ProcessorCount;
int mlpSteps = 400, dcganSteps = 20, wganGpSteps = 20, vaeSteps = 300, pixelCnnSteps = 20, sampleBatches = 1, unetSteps = 6, opCalls = 20000;
for (var k = 0; k + 1 < args.Length; k += 2)
{
    var value = int.Parse(args[k + 1], System.Globalization.CultureInfo.InvariantCulture);
    switch (args[k])
    {
        case "--threads": threads = value; break;
        case "--mlp-steps": mlpSteps = value; break;
        case "--dcgan-steps": dcganSteps = value; break;
        case "--wgan-gp-steps": wganGpSteps = value; break;
        case "--vae-steps": vaeSteps = value; break;
        case "--pixelcnn-steps": pixelCnnSteps = value; break;
        case "--sample-batches": sampleBatches = value; break;
        case "--unet-steps": unetSteps = value; break;
        case "--op-calls": opCalls = value; break;
        default: throw new ArgumentException($"unknown option {args[k]}");
    }
}
set_num_threads(threads);
manual_seed(0);
Report("mlp", Benchmarks.Mlp(mlpSteps, warmup: 30));
Report("dcgan", Benchmarks.Dcgan(dcganSteps, warmup: 3));
Report("wgan-gp", Benchmarks.WganGp(wganGpSteps, warmup: 3));
Report("vae", Benchmarks.Vae(vaeSteps, warmup: 30));
Report("pixelcnn", Benchmarks.PixelCnnStep(pixelCnnSteps, warmup: 3));
Report("sample16", Benchmarks.PixelCnnSample16(sampleBatches, warmup: 0));
Report("unet", Benchmarks.UNetTraining(unetSteps, warmup: 1));
Report("unet-sample", Benchmarks.UNetSampling(2 * unetSteps, warmup: 2));
Report("op:add", Benchmarks.Add(opCalls));
Report("op:mm8x8", Benchmarks.Matmul(opCalls));
Report("op:linear", Benchmarks.LinearForwardBackward(opCalls / 4));

static void Report(string model, double stepsPerSecond) =>
    Console.WriteLine(JsonSerializer.Serialize(new { model, steps_per_s = stepsPerSecond }));
