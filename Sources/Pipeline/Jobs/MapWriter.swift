import ArrayFormats
import Foundation
import Imaging
import Scoring

/// Writes `predict --maps` outputs: for each image, `<name>.npy` (the float32 map at the image's
/// size), `<name>_heatmap.png` and `<name>_mask.png` (255 where the pixel threshold is reached),
/// at the image's path relative to the folder it was found in, so MVTec's repeated `000.png`
/// in every defect folder do not collide.
struct MapWriter {
    let directory: String
    /// Image path → output stem (relative, without extension).
    let stems: [String: String]
    let force: Bool

    /// Plans every output and refuses, before any work, outputs that would collide or replace existing files.
    /// - Throws: ``PipelineError/invalidInput(name:value:expected:)`` naming the file.
    init(directory: String, inputs: [String], images: [String], force: Bool) throws(PipelineError) {
        self.directory = directory
        self.force = force
        var stems: [String: String] = [:], taken: [String: String] = [:]
        let folders = inputs.filter { var d: ObjCBool = false; return FileManager.default.fileExists(atPath: $0, isDirectory: &d) && d.boolValue }
            .map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
        for image in images {
            let relative = folders.first { image.hasPrefix($0 + "/") }.map { String(image.dropFirst($0.count + 1)) }
                ?? (image as NSString).lastPathComponent
            let stem = (relative as NSString).deletingPathExtension
            if let other = taken[stem] {
                throw .invalidInput(name: "maps", value: image, expected: "inputs whose names differ below their folders (\(other) has the same)")
            }
            taken[stem] = image
            stems[image] = stem
            for suffix in [".npy", "_heatmap.png", "_mask.png"] where !force {
                let path = directory + "/" + stem + suffix
                if FileManager.default.fileExists(atPath: path) {
                    throw .invalidInput(name: "maps", value: path, expected: "a path that does not exist yet (pass --force to replace map files)")
                }
            }
        }
        self.stems = stems
    }

    /// Writes one image's three files.
    func write(_ p: Detector.MapPrediction, pixelThreshold: Double) throws(PipelineError) {
        let base = directory + "/" + (stems[p.path] ?? (p.path as NSString).lastPathComponent)
        do {
            try FileManager.default.createDirectory(atPath: (base as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        } catch { throw .unwritable(path: base, reason: error.localizedDescription) }
        do throws(ArrayFormatError) {
            try NPY.write(NPYArray(rows: p.map.height, columns: p.map.width, values: p.map.values), to: base + ".npy")
        } catch { throw .file(error) }
        do throws(ImagingError) {
            try ImageFile.write(Heatmap.image(p.map, centre: pixelThreshold), to: base + "_heatmap.png")
            try ImageFile.write(Image(width: p.map.width, height: p.map.height, channels: 1, pixels: p.mask.map { $0 > 0 ? 255 : 0 }),
                                to: base + "_mask.png")
        } catch { throw .imaging(error) }
    }
}
