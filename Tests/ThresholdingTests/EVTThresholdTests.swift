import Foundation
import Randomness
import Testing

@testable import Thresholding

/// The error fitting `strategy` on `normal` throws, or nil when the fit succeeds.
private func evtFitError(_ strategy: EVTThreshold, _ normal: [Double]) -> ThresholdError? {
    do {
        _ = try strategy.fit(normal: normal)
        return nil
    } catch {
        return error
    }
}

@Suite("EVT (peaks over threshold) threshold")
struct EVTThresholdTests {
    @Test("name, target FPR and defaults")
    func identity() {
        let evt = EVTThreshold()
        #expect(evt.name == "evt")
        #expect(evt.alpha == 0.01)
        #expect(evt.level == 0.98)
        #expect(EVTThreshold(alpha: 0.003).targetFPR == 0.003)
    }

    @Test("hand-checked exponential tail: z = t + σ·ln 3")
    func handCheckedExponential() throws {
        // 97 scores 0, 0.1, …, 9.6, then t + {1, 2, 6 + √39}. At level 0.96 SPOT's
        // index is floor(0.96·100) = 96, so t = 9.6 and those 3 are the peaks. Their
        // GPD MLE is the exponential with σ = mean = (9 + √39)/3 (see
        // GeneralizedParetoTests.exponentialCase), and α·n/N_t = 0.01·100/3 = 1/3, so
        // z = t − σ·ln(1/3).
        let t = 9.6
        var scores = (0...96).map { Double($0) / 10 }
        scores += [t + 1, t + 2, t + 6 + 39.0.squareRoot()]
        let fitted = try EVTThreshold(alpha: 0.01, level: 0.96).fit(normal: scores.reversed())
        let sigma = (9 + 39.0.squareRoot()) / 3
        #expect(abs(fitted.value - (t + sigma * log(3.0))) < 1e-6)
        #expect(fitted.strategy == "evt")
        #expect(fitted.targetFPR == 0.01)
        #expect(fitted.details.map(\.name)
            == ["n", "level", "initial_threshold", "peaks", "shape", "scale", "shape_se", "scale_se"])
        #expect(fitted.detail("n") == 100)
        #expect(fitted.detail("level") == 0.96)
        #expect(fitted.detail("initial_threshold") == t)
        #expect(fitted.detail("peaks") == 3)
        #expect(abs(try #require(fitted.detail("shape"))) < 1e-6)
        #expect(abs(try #require(fitted.detail("scale")) - sigma) < 1e-6)
        // SE(γ̂) = (1+γ)/√n and SE(σ̂) = σ√(2(1+γ)/n) with γ = 0, n = 3 peaks.
        #expect(abs(try #require(fitted.detail("shape_se")) - 1 / 3.0.squareRoot()) < 1e-6)
        #expect(abs(try #require(fitted.detail("scale_se")) - sigma * (2.0 / 3).squareRoot()) < 1e-6)
        // 3 < 10 peaks: the warning names the count and the n that gives 10 at this level
        // (n − 1 − floor(0.96·n) first reaches 10 at n = 251).
        #expect(fitted.warnings.count == 1)
        let warning = try #require(fitted.warnings.first)
        #expect(warning.contains("only 3 peaks"))
        #expect(warning.contains("n ≥ 251"))
        #expect(EVTThreshold.smallestCount(forPeaks: 10, level: 0.96) == 251)
    }

    @Test("z follows the SPOT formula for a heavy tail")
    func formulaWithShape() throws {
        var generator = SeededGenerator(seed: 2024)
        let scores = (0..<3000).map { _ in generator.nextGeneralizedPareto(shape: 0.3, scale: 2) }
        let strategy = EVTThreshold(alpha: 0.002, level: 0.95)
        let fitted = try strategy.fit(normal: scores)

        // Recompute every step by hand from the definition.
        let sorted = scores.sorted()
        let t = sorted[Int(0.95 * 3000.0)]  // floor(2850.0) = 2850
        let peaks = sorted.filter { $0 > t }.map { $0 - t }
        #expect(peaks.count == 149)
        let tail = try GeneralizedPareto.fit(excesses: peaks)
        let γ = tail.distribution.shape
        let σ = tail.distribution.scale
        let z = t + σ / γ * (pow(0.002 * 3000 / 149, -γ) - 1)
        #expect(abs(fitted.value - z) < 1e-9 * z)
        #expect(fitted.detail("initial_threshold") == t)
        #expect(fitted.detail("peaks") == 149)
        #expect(fitted.detail("shape") == γ)
        #expect(fitted.detail("scale") == σ)
        #expect(fitted.warnings.isEmpty)
        // The fitted tail is close to the truth, so z is close to the true quantile.
        let truth = GeneralizedPareto(shape: 0.3, scale: 2).quantile(survival: 0.002)
        #expect(abs(z - truth) < 0.25 * truth, "z \(z) vs true quantile \(truth)")
    }

    @Test(
        "realised false-alarm rate is close to α on average",
        arguments: [(0.0, 1.0), (0.2, 1.0)])
    func realisedRate(_ shape: Double, _ scale: Double) throws {
        // Normal scores ~ GPD(γ, σ) (γ = 0 is Exp(1)), so the realised rate of a cut-off z
        // on fresh normal scores is S(z), known exactly.
        let truth = GeneralizedPareto(shape: shape, scale: scale)
        let strategy = EVTThreshold(alpha: 0.001, level: 0.98)
        let draws = 200
        var generator = SeededGenerator(seed: 0xE77 &+ UInt64(shape * 10))
        var rates: [Double] = []
        var shapes: [Double] = []
        for _ in 0..<draws {
            let scores = (0..<5000).map { _ in generator.nextGeneralizedPareto(shape: shape, scale: scale) }
            let fitted = try strategy.fit(normal: scores)
            #expect(fitted.detail("peaks") == 99)
            rates.append(truth.survival(fitted.value))
            shapes.append(fitted.detail("shape") ?? .nan)
        }
        let mean = rates.reduce(0, +) / Double(draws)
        let variance = rates.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(draws - 1)
        let se = (variance / Double(draws)).squareRoot()
        let shapeBias = shapes.reduce(0, +) / Double(draws) - shape
        print("evt-rate γ=\(shape): mean S(z) = \(mean) ± \(se) (α = 0.001), mean γ̂ − γ = \(shapeBias)")
        // With N_t = 99 peaks the plug-in cut-off is biased low, so the realised rate
        // runs above α: the GPD MLE underestimates γ by about 3/N_t (Giles et al. 2016),
        // and ∂z/∂γ = σ·ln²(αn/N_t)/2 ≈ 4.5 at γ = 0, which lowers z by ≈ 0.13 and
        // raises S(z) by ≈ 14 %; S being convex in z adds more. The realised mean is
        // therefore compared with α within 3 standard errors plus 20 % of α for that
        // finite-sample bias; a wrong index, peak count or formula is off by far more.
        #expect(abs(mean - 0.001) <= 3 * se + 0.2 * 0.001)
        #expect(mean > 0.001 - 3 * se, "the small-sample bias makes the rate too high, never too low")
    }

    @Test("α ≥ 1 − level is rejected with advice")
    func alphaAboveTail() throws {
        let error = evtFitError(EVTThreshold(alpha: 0.05, level: 0.98), [1, 2, 3])
        guard case let .invalidParameter(name, value, expected)? = error else {
            Issue.record("expected invalidParameter, got \(String(describing: error))")
            return
        }
        #expect(name == "alpha")
        #expect(value == 0.05)
        #expect(expected.contains("1 − level"))
        #expect(expected.contains("lower --alpha or --level"))
        // Exactly 1 − level is rejected too.
        guard case .invalidParameter(name: "alpha", _, _)? = evtFitError(EVTThreshold(alpha: 0.5, level: 0.5), [1, 2, 3]) else {
            Issue.record("α = 1 − level must be rejected")
            return
        }
    }

    @Test("α and level must be probabilities")
    func parameterRanges() {
        #expect(evtFitError(EVTThreshold(alpha: 0, level: 0.98), [1, 2, 3])
            == .invalidParameter(name: "alpha", value: 0, expected: "a number in (0, 1)"))
        #expect(evtFitError(EVTThreshold(alpha: 0.01, level: 1), [1, 2, 3])
            == .invalidParameter(name: "level", value: 1, expected: "a number in (0, 1)"))
        #expect(evtFitError(EVTThreshold(alpha: .nan, level: 0.9), [1, 2, 3]) != nil)
    }

    @Test("too few scores names the n that gives 3 peaks")
    func tooFewScores() {
        // n − 1 − floor(0.98·n) first reaches 3 at n = 151.
        #expect(EVTThreshold.smallestCount(forPeaks: 3, level: 0.98) == 151)
        let scores = (0..<150).map(Double.init)
        guard case let .tooFewScores(strategy, needed, got, _)? = evtFitError(EVTThreshold(), scores) else {
            Issue.record("expected tooFewScores")
            return
        }
        #expect(strategy == "evt")
        #expect(needed == 151)
        #expect(got == 150)
        guard case .tooFewScores(strategy: "evt", needed: 151, got: 0, _)? = evtFitError(EVTThreshold(), []) else {
            Issue.record("empty input must be tooFewScores")
            return
        }
        // 151 distinct scores are enough.
        #expect(evtFitError(EVTThreshold(), (0..<151).map { Double($0 * $0) }) == nil)
    }

    @Test("ties above the initial threshold that leave < 3 peaks are too few")
    func tiedTail() {
        let scores = [Double](repeating: 1, count: 198) + [5, 5]
        guard case .tooFewScores(strategy: "evt", needed: 151, got: 200, _)? = evtFitError(EVTThreshold(), scores) else {
            Issue.record("expected tooFewScores for a tied tail")
            return
        }
    }

    @Test("constant scores have no spread")
    func constantScores() {
        guard case .noSpread(strategy: "evt", _)? = evtFitError(EVTThreshold(), Array(repeating: 0.7, count: 500)) else {
            Issue.record("constant scores must be noSpread")
            return
        }
    }

    @Test("NaN and infinite scores are rejected with their index")
    func nonFinite() {
        var scores = (0..<300).map(Double.init)
        scores[17] = .nan
        guard case .nonFiniteScore(set: "normal", index: 17, _)? = evtFitError(EVTThreshold(), scores) else {
            Issue.record("NaN must be nonFiniteScore")
            return
        }
        scores[17] = 0
        scores[299] = -.infinity
        guard case .nonFiniteScore(set: "normal", index: 299, _)? = evtFitError(EVTThreshold(), scores) else {
            Issue.record("−∞ must be nonFiniteScore")
            return
        }
    }

    @Test("a short tail with γ̂ ≤ −½ drops the standard errors and says why")
    func boundedTail() throws {
        // Scores ~ GPD(−0.75, 1): the excesses over any t are GPD(−0.75, 1 − 0.75·t), a
        // tail bounded at 4/3 whose MLE lies in the irregular range γ ≤ −½.
        var generator = SeededGenerator(seed: 31)
        let scores = (0..<5000).map { _ in generator.nextGeneralizedPareto(shape: -0.75, scale: 1) }
        let fitted = try EVTThreshold(alpha: 0.001, level: 0.98).fit(normal: scores)
        let shape = try #require(fitted.detail("shape"))
        let scale = try #require(fitted.detail("scale"))
        let t = try #require(fitted.detail("initial_threshold"))
        #expect(shape < -0.5)
        #expect(fitted.details.map(\.name) == ["n", "level", "initial_threshold", "peaks", "shape", "scale"])
        #expect(fitted.warnings.contains { $0.contains("standard errors") })
        // A bounded tail never extrapolates past its fitted endpoint t − σ/γ.
        #expect(fitted.value > t)
        #expect(fitted.value <= t - scale / shape)
        #expect(abs(fitted.value - 4.0 / 3) < 0.01)
    }

    @Test("α ≥ 1 − level names 1 − level without float noise")
    func tailMassIsPrintedRounded() {
        let error = evtFitError(EVTThreshold(alpha: 0.05, level: 0.98), [1, 2, 3])
        let text = error?.description ?? ""
        // 1 − 0.98 is 0.020000000000000018 in binary.
        #expect(text.contains("1 − level = 0.02, so"), "\(text)")
    }

    @Test("huge and tiny scores give the scaled cut-off, or a typed error past the largest Double")
    func extremeMagnitudes() throws {
        var generator = SeededGenerator(seed: 12)
        let scores = (0..<400).map { _ in generator.nextExponential() }
        let base = try EVTThreshold(alpha: 0.01, level: 0.95).fit(normal: scores)
        for k in [1000, -1060] {
            let factor = Double(sign: .plus, exponent: k, significand: 1)
            let scaled = try EVTThreshold(alpha: 0.01, level: 0.95).fit(normal: scores.map { $0 * factor })
            if k > 0 {
                #expect(scaled.value == base.value * factor)
                #expect(scaled.detail("scale_se") == base.detail("scale_se").map { $0 * factor })
            } else {
                // Subnormal scores keep only a few bits, so the cut-off is close, not exact.
                #expect(abs(scaled.value / factor - base.value) < 0.05 * base.value)
            }
        }
        // Scores near the top of the range (up to ≈ 1.5e308) extrapolate past it at α = 1e-6.
        let top = scores.map { $0 * 2e307 }
        do {
            let t = try EVTThreshold(alpha: 1e-6, level: 0.95).fit(normal: top)
            Issue.record("expected an error, got \(t.value)")
        } catch {
            guard case .notRepresentable(strategy: "evt", _) = error else { Issue.record("wrong error \(error)"); return }
        }
        // Scores of both signs within ±1.7e308: t ≈ −1.4e308, so the largest excesses
        // (≈ 3e308) overflow unscaled.
        let mixed = scores.map { (Swift.min($0, 8) / 4 - 1) * 1.7e308 }
        let fit = try EVTThreshold(alpha: 0.01, level: 0.5).fit(normal: mixed)
        #expect(fit.value.isFinite)
    }
}
