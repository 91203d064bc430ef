import Testing
import Randomness
@testable import Scoring

/// Inputs of 65 536 elements or more split their loops across cores; results must not change.
@Suite struct ParallelLayerTests {
    typealias S = DeepSVDDTestSupport

    /// A 2×8×64×64 batch (parallel paths) against each sample alone (32 768 elements: serial paths).
    @Test func largeBatchesGiveTheSameBytesAsSingleSamples() {
        let shape = [2, 8, 64, 64]
        let x = Tensor(shape: shape, values: S.gaussian(65_536, seed: 40))
        let single = [x.samples(0..<1), x.samples(1..<2)]
        var g = SeededGenerator(seed: 41)
        let conv = Conv2d(inputChannels: 8, outputChannels: 4, kernel: 5, padding: 2)
        let w = conv.initialWeights(generator: &g)
        var bn = BatchNorm(channels: 8)
        _ = bn.forward(x, mode: .training)  // non-trivial running statistics for inference

        let layers: [(String, (Tensor) -> Tensor)] = [
            ("leaky", { LeakyReLU().forward($0) }),
            ("pool", { MaxPool2d().forward($0).0 }),
            ("upsample", { BilinearUpsample2d().forward($0) }),
            ("conv", { conv.forward($0, weights: w) }),
            ("batch norm (inference)", { var b = bn; return b.forward($0, mode: .inference).0 }),
        ]
        for (name, f) in layers {
            let together = f(x)
            #expect(together.values == single.flatMap { f($0).values }, "\(name)")
            #expect(together.values.map(\.bitPattern) == f(x).values.map(\.bitPattern), "\(name) twice")
        }
    }

    @Test func largeBackwardPassesAreRepeatableAndMatchSmallOnes() {
        let shape = [2, 8, 64, 64]
        let x = Tensor(shape: shape, values: S.gaussian(65_536, seed: 42))
        let dyPool = Tensor(shape: [2, 8, 32, 32], values: S.gaussian(16_384, seed: 43))
        let (_, cache) = MaxPool2d().forward(x)
        let big = MaxPool2d().backward(dyPool, cache: cache)
        for i in 0..<2 {
            let (_, small) = MaxPool2d().forward(x.samples(i..<(i + 1)))
            let part = MaxPool2d().backward(dyPool.samples(i..<(i + 1)), cache: small)
            #expect(Array(big.values[(i * 32_768)..<((i + 1) * 32_768)]) == part.values)
        }
        var bn = BatchNorm(channels: 8)
        let (y, bnCache) = bn.forward(x, mode: .training)
        let dy = Tensor(shape: shape, values: S.gaussian(65_536, seed: 44))
        let first = bn.backward(dy, cache: bnCache)
        #expect(first.values.map(\.bitPattern) == bn.backward(dy, cache: bnCache).values.map(\.bitPattern))
        // Normalised output: each channel has mean ≈ 0 and variance ≈ 1 over the batch.
        for c in 0..<8 {
            var (sum, squares) = (0.0, 0.0)
            for n in 0..<2 { for j in 0..<4096 { let v = Double(y.values[(n * 8 + c) * 4096 + j]); sum += v; squares += v * v } }
            #expect(abs(sum / 8192) < 1e-5)
            #expect(abs(squares / 8192 - 1) < 1e-3)
        }
    }
}
