import ArrayFormats
import Foundation
import Pipeline
import Testing

struct InputSetTests {
    static func folder() -> String { DetectorTestData.temporaryFolder() }

    @Test func matricesKeepFileAndRow() throws {
        let dir = Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try NPY.write(NPYArray(rows: 2, columns: 3, values: [1, 2, 3, 4, 5, 6] as [Double]), to: dir + "/a.npy")
        try NPY.write(NPYArray(rows: 1, columns: 3, values: [7, 8, 9] as [Float]), to: dir + "/b.npy")
        guard case let .vectors(rows, origins) = try InputSet.resolve([dir + "/a.npy", dir + "/b.npy"]) else {
            Issue.record("expected vectors")
            return
        }
        #expect(rows.rows == 3 && rows.columns == 3)
        #expect(rows.elements == [1, 2, 3, 4, 5, 6, 7, 8, 9])
        #expect(origins.map(\.index) == [0, 1, 0])
        #expect(origins.map(\.input) == [dir + "/a.npy", dir + "/a.npy", dir + "/b.npy"])
    }

    @Test func badInputsAreNamed() throws {
        let dir = Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try NPY.write(NPYArray([1, 2, 3] as [Double]), to: dir + "/flat.npy")
        try NPY.write(NPYArray(rows: 2, columns: 2, values: [1, 2, .nan, 4] as [Double]), to: dir + "/nan.npy")
        try NPY.write(NPYArray(rows: 1, columns: 2, values: [1, 2] as [Float]), to: dir + "/two.npy")
        try NPY.write(NPYArray(rows: 1, columns: 3, values: [1, 2, 3] as [Float]), to: dir + "/three.npy")
        _ = FileManager.default.createFile(atPath: dir + "/notes.txt", contents: Data("x".utf8))
        _ = FileManager.default.createFile(atPath: dir + "/a.png", contents: Data("x".utf8))
        try FileManager.default.createDirectory(atPath: dir + "/empty", withIntermediateDirectories: true)
        func message(_ inputs: [String]) -> String {
            do { _ = try InputSet.resolve(inputs); return "no error" } catch { return "\(error)" }
        }
        #expect(message([dir + "/flat.npy"]).contains("shape 3"))
        #expect(message([dir + "/nan.npy"]).contains("row 1, column 0"))
        #expect(message([dir + "/two.npy", dir + "/three.npy"]).contains("has 3 columns"))
        #expect(message([dir + "/notes.txt"]).contains("notes.txt"))
        #expect(message([dir + "/missing.npy"]).contains("an existing file or folder"))
        #expect(message([dir + "/empty"]).contains("a folder holding image files"))
        #expect(message([dir + "/two.npy", dir + "/a.png"]).contains("not both"))
        #expect(message([]).contains("(none)"))
        if case let .images(paths) = try InputSet.resolve([dir]) { #expect(paths == [dir + "/a.png"]) } else { Issue.record("expected images") }
    }

    /// An MVTec test/ folder holds one sub-folder per defect: a folder input finds them all, in sorted path order.
    @Test func foldersAreSearchedRecursivelyInSortedPathOrder() throws {
        let dir = Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for relative in ["test/good/001.png", "test/good/000.png", "test/crack/000.png", "test/.hidden/x.png", "test/notes.txt", "test/z.jpg"] {
            let path = dir + "/" + relative
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            _ = FileManager.default.createFile(atPath: path, contents: Data("x".utf8))
        }
        guard case let .images(paths) = try InputSet.resolve([dir + "/test"]) else { Issue.record("expected images"); return }
        #expect(paths.map { String($0.dropFirst(dir.count + 1)) } == ["test/crack/000.png", "test/good/000.png", "test/good/001.png", "test/z.jpg"])
    }
}
