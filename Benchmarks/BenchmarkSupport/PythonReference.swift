import Foundation

/// Why a Python reference could not be run in the same process (no python3, no numpy/scipy, …).
public struct ReferenceUnavailable: Error {
    public var reason: String
    public init(reason: String) { self.reason = reason }
}

/// Runs a reference implementation in python3 on the same data, for ratios measured in the same run.
public enum PythonReference {
    /// Writes `inputs` to files in a temporary folder, runs `python3 -c script` with their paths
    /// and then the path of an output file, and returns what it printed and what it wrote there.
    /// - Returns: `.failure` with the reason when python3 or its packages are missing, or it failed.
    public static func run(script: String, inputs: [(name: String, data: Data)],
                           output outputName: String = "output.bin") -> Result<(stdout: String, output: Data?), ReferenceUnavailable> {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("thresholdkit-bench-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            var paths: [String] = []
            for (name, data) in inputs {
                let url = directory.appendingPathComponent(name)
                try data.write(to: url)
                paths.append(url.path)
            }
            let outputURL = directory.appendingPathComponent(outputName)
            let errorURL = directory.appendingPathComponent("stderr.txt")
            _ = FileManager.default.createFile(atPath: errorURL.path, contents: nil)
            let errors = try FileHandle(forWritingTo: errorURL)
            defer { try? errors.close() }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", "-c", script] + paths + [outputURL.path]
            let stdout = Pipe()
            process.standardOutput = stdout
            // A file, not a pipe: a chatty stderr cannot fill a pipe buffer and stall the child.
            process.standardError = errors
            try process.run()
            let printed = stdout.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else {
                // The last line of a traceback names the cause, e.g. "ModuleNotFoundError: No module named 'scipy'".
                let lastLine = (try? String(contentsOf: errorURL, encoding: .utf8))?
                    .split(separator: "\n").last.map(String.init) ?? ""
                let status = process.terminationStatus
                return .failure(ReferenceUnavailable(
                    reason: status == 127 ? "python3 not found" : "python3 reference failed (exit \(status)): \(lastLine)"))
            }
            return .success((String(decoding: printed, as: UTF8.self), try? Data(contentsOf: outputURL)))
        } catch {
            return .failure(ReferenceUnavailable(reason: "\(error)"))
        }
    }
}
