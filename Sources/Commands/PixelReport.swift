import Pipeline
import Thresholding

/// The pixel section of the compare table.
enum PixelReport {
    static func text(_ p: PixelComparison) -> String {
        if let skipped = p.skipped { return "pixel metrics skipped: \(skipped)" }
        var t = TextTable(header: ["pixel strategy", "threshold", "FPR", "TPR", "F1", "image recall", "region recall", "good images flagged"],
                          rightAligned: [1, 2, 3, 4, 5, 6, 7])
        for e in p.entries {
            let r = e.recall
            t.rows.append([e.key + (e.isOracle ? " (oracle)" : ""), e.threshold.map { NumberText.exact($0.value) } ?? "—",
                           NumberText.rate(r?.pixelFalsePositiveRate), NumberText.rate(r?.pixelTruePositiveRate), NumberText.rate(r?.pixelF1),
                           NumberText.rate(r?.imageRecall), NumberText.rate(r?.regionRecall), NumberText.rate(r?.goodImageFalseAlarmRate)])
        }
        return "pixel AUROC \(NumberText.rate(p.auroc))   AUPRO (FPR ≤ 0.3) \(NumberText.rate(p.aupro))\n\n" + t.render()
    }
}
