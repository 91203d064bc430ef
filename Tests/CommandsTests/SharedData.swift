import Foundation
import TestSupport

/// The read-only reference data in ../shared, when it is present beside the package.
///
/// Tests that need it are disabled with a visible reason when it is absent, so a
/// fresh clone without ../shared still passes and says what it skipped.
enum SharedData {
    static let root: URL = SharedReference.root

    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    static var isAvailable: Bool {
        FileManager.default.fileExists(atPath: path("features/efficientnet-lite0/bottle/kde_loglik_scale.npy"))
    }

    static let skipReason: Comment = "../shared is absent: real-data checks skipped"
}

import Testing
