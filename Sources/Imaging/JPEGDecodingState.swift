/// Everything one decode accumulates: header tables, the frame, decoded component planes,
/// progressive coefficients and warnings. Drives libjpeg's marker loop.
struct JPEGDecodingState {
    let bytes: [UInt8]
    let file: String
    let options: DecodingOptions

    /// Next unread byte.
    var position = 2
    /// A marker already read but not yet handled.
    var unreadMarker: UInt8?
    /// Entropy-coded bytes left over by the last segment, reported with the next marker.
    var pendingDiscarded = 0
    var warnings: [String] = []
    var reportedEndOfFile = false

    var quantTables: [[Int16]?] = Array(repeating: nil, count: 4)
    var dcDefinitions: [JPEGHuffmanDefinition?] = Array(repeating: nil, count: 4)
    var acDefinitions: [JPEGHuffmanDefinition?] = Array(repeating: nil, count: 4)
    var restartInterval = 0
    var adobeTransform: Int?
    var sawJFIF = false
    var frame: JPEGFrame?

    /// Set up by ``startImage(firstScan:)``.
    var hasMultipleScans = false
    var scansDecoded = 0
    /// Decoded samples of every component, each padded to whole MCUs; 128 where no data arrived.
    var samples: [UInt8] = []
    var planeOffsets: [Int] = []
    var planeStrides: [Int] = []
    /// Progressive frames: every component's coefficients, 64 per block, natural order.
    var coefficients: [Int16] = []
    var coefficientOffsets: [Int] = []
    /// Each component's quantisation table, latched at its first scan as libjpeg does.
    var componentQuant: [Int16] = []
    var quantLatched: [Bool] = []
    /// Progressive frames: per component and zigzag coefficient, the last Al seen (-1 = none yet).
    var coefficientBits: [Int] = []
    /// The same, as it stood before the latest scan that included the component (block smoothing).
    var previousCoefficientBits: [Int] = []
    /// SOS markers met so far.
    var scanCount = 0
    /// The last iMCU row the latest scan reached with data left (libjpeg's `last_good_iMCU_row`).
    var lastGoodIMCURow = 0

    init(bytes: [UInt8], file: String, options: DecodingOptions) {
        self.bytes = bytes
        self.file = file
        self.options = options
    }

    mutating func warn(_ message: String) {
        if warnings.count < JPEGLimits.warnings { warnings.append(message) }
    }

    /// Reads markers until a scan header (returned) or the end of the image (nil).
    /// Before the first scan, reaching EOI (real, or the fake one at the end of the file) is an error.
    mutating func readMarkers() throws(ImagingError) -> JPEGScanHeader? {
        // Each pass consumes at least one byte, and past the end of the file only EOI is found.
        while true {
            let marker: UInt8
            if let m = unreadMarker {
                marker = m
                unreadMarker = nil
            } else {
                let found = bytes.withUnsafeBufferPointer { JPEGMarkerScanner.next(in: $0, position: &position) }
                let discarded = found.discarded + pendingDiscarded
                pendingDiscarded = 0
                if discarded > 0 { warn(JPEGMarkerScanner.extraneousWarning(discarded, marker: found.marker)) }
                marker = found.marker
            }
            noteEndOfFile()
            switch marker {
            case 0xC0, 0xC1, 0xC2:
                guard frame == nil else { throw .corrupt(file: file, reason: "invalid JPEG file structure: two SOF markers") }
                let p = try segment(strict: true)
                let process: JPEGProcess = marker == 0xC0 ? .baseline : marker == 0xC1 ? .extendedSequential : .progressive
                frame = try JPEGHeaderParser.frame(p, process: process, maxPixels: options.maxPixels, file: file)
            case 0xC3, 0xC5...0xC7, 0xC9...0xCB, 0xCD...0xCF:
                let kind = marker == 0xC3 ? "lossless" : marker >= 0xC9 ? "arithmetic coding" : "hierarchical"
                throw .unsupported(file: file, reason: "JPEG process SOF type 0x\(JPEGMarkerScanner.hex(marker)) (\(kind))")
            case 0xC4:
                try JPEGHeaderParser.huffmanTables(try segment(strict: true), dc: &dcDefinitions, ac: &acDefinitions, file: file)
            case 0xDB:
                try JPEGHeaderParser.quantTables(try segment(strict: true), into: &quantTables, file: file)
            case 0xDD:
                restartInterval = try JPEGHeaderParser.restartInterval(try segment(strict: true), file: file)
            case 0xDA:
                guard let frame else { throw .corrupt(file: file, reason: "invalid JPEG file structure: SOS before SOF") }
                let p = try segment(strict: true)
                noteEndOfFile()
                return try JPEGHeaderParser.scan(p, frame: frame, file: file)
            case 0xD9:
                guard scansDecoded > 0 else { throw .corrupt(file: file, reason: "JPEG datastream contains no image") }
                return nil
            case 0xD8:
                throw .corrupt(file: file, reason: "invalid JPEG file structure: two SOI markers")
            case 0xE0...0xEF:
                let p = try segment(strict: false)
                if marker == 0xE0, JPEGHeaderParser.isJFIF(p) { sawJFIF = true }
                if marker == 0xEE, let t = JPEGHeaderParser.adobeTransform(p) { adobeTransform = t }
            case 0xCC:
                try JPEGHeaderParser.checkArithmeticConditioning(try segment(strict: true), file: file)
            case 0xDC, 0xFE:
                // DNL and COM carry nothing this decoder uses.
                _ = try segment(strict: false)
            case 0xD0...0xD7, 0x01:
                continue
            default:
                throw .corrupt(file: file, reason: "unsupported marker type 0x\(JPEGMarkerScanner.hex(marker))")
            }
            noteEndOfFile()
        }
    }

    /// The payload of the marker segment at `position`. Past the end of the file it reads the
    /// fake EOI bytes libjpeg would, so truncated headers fail or pass exactly as there.
    /// Segments libjpeg only skips (`strict == false`) tolerate a length below 2.
    mutating func segment(strict: Bool) throws(ImagingError) -> [UInt8] {
        let start = position
        let (length, payload): (Int, [UInt8]) = bytes.withUnsafeBufferPointer { data in
            let length = Int(JPEGMarkerScanner.byte(data, start)) << 8 | Int(JPEGMarkerScanner.byte(data, start + 1))
            guard length > 2 else { return (length, []) }
            return (length, (start + 2..<start + length).map { JPEGMarkerScanner.byte(data, $0) })
        }
        guard length >= 2 || !strict else { throw .corrupt(file: file, reason: "bogus marker length") }
        position += max(length, 2)
        return payload
    }

    /// libjpeg warns each time it has to invent bytes past the end of the file; once is enough here.
    mutating func noteEndOfFile() {
        if position > bytes.count, !reportedEndOfFile {
            reportedEndOfFile = true
            warn("Premature end of JPEG file")
        }
    }

    /// Allocates planes (and coefficients for progressive frames) at the first scan, after
    /// refusing sampling factors libjpeg cannot upsample (non-integral ratios).
    mutating func startImage(firstScan: JPEGScanHeader) throws(ImagingError) {
        guard let frame else { return }
        for c in frame.components where JPEGUpsampleMethod.choose(for: c, in: frame) == nil {
            throw .unsupported(file: file, reason: "fractional sampling factors")
        }
        hasMultipleScans = frame.process == .progressive || firstScan.componentIndices.count < frame.components.count
        var offset = 0
        var coefficientCount = 0
        for c in frame.components {
            planeOffsets.append(offset)
            planeStrides.append(c.blocksPerLine * 8)
            offset += c.blocksPerLine * 8 * c.blocksPerColumn * 8
            coefficientOffsets.append(coefficientCount)
            coefficientCount += c.blocksPerLine * c.blocksPerColumn * 64
        }
        samples = [UInt8](repeating: 128, count: offset)
        if frame.process == .progressive {
            coefficients = [Int16](repeating: 0, count: coefficientCount)
            coefficientBits = [Int](repeating: -1, count: frame.components.count * 64)
            previousCoefficientBits = [Int](repeating: 0, count: frame.components.count * 64)
        }
        componentQuant = [Int16](repeating: 0, count: frame.components.count * 64)
        quantLatched = [Bool](repeating: false, count: frame.components.count)
    }

    /// Latches quantisation tables for the scan's components and derives its Huffman tables,
    /// falling back to the Annex K tables for slots 0 and 1 of sequential frames (Motion-JPEG).
    mutating func prepare(_ scan: JPEGScanHeader, needDC: Bool, needAC: Bool) throws(ImagingError) -> (tables: [Int32], dc: [Int], ac: [Int]) {
        guard let frame else { return ([], [], []) }
        for index in scan.componentIndices where !quantLatched[index] {
            let q = frame.components[index].quantTableIndex
            guard q < 4, let table = quantTables[q] else {
                throw .corrupt(file: file, reason: "quantization table 0x\(JPEGMarkerScanner.hex(UInt8(truncatingIfNeeded: q))) was not defined")
            }
            componentQuant.replaceSubrange((index * 64)..<(index * 64 + 64), with: table)
            quantLatched[index] = true
        }
        var tables: [Int32] = []
        var dc: [Int] = [], ac: [Int] = []
        for slot in scan.componentIndices.indices {
            if needDC {
                dc.append(tables.count)
                tables += try huffmanTable(isDC: true, index: scan.dcTableIndices[slot]).entries
            }
            if needAC {
                ac.append(tables.count)
                tables += try huffmanTable(isDC: false, index: scan.acTableIndices[slot]).entries
            }
        }
        return (tables, dc, ac)
    }

    private func huffmanTable(isDC: Bool, index: Int) throws(ImagingError) -> JPEGHuffmanTable {
        let definitions = isDC ? dcDefinitions : acDefinitions
        if index < 4, let d = definitions[index] {
            do {
                return try JPEGHuffmanTable(counts: d.counts, symbols: d.symbols, isDC: isDC)
            } catch {
                throw .corrupt(file: file, reason: "bogus Huffman table definition")
            }
        }
        // libjpeg-turbo fills in the Annex K tables for sequential (Motion-JPEG) frames only.
        if frame?.process != .progressive, let standard = JPEGHuffmanTable.standard(isDC: isDC, index: index) {
            return standard
        }
        throw .corrupt(file: file, reason: "Huffman table 0x\(JPEGMarkerScanner.hex(UInt8(truncatingIfNeeded: index))) was not defined")
    }

    /// Takes the reader's final state after a scan: where to continue, what is left over, and its warnings.
    mutating func finish(_ segment: JPEGEntropySegment) {
        var segment = segment
        for w in segment.warnings { warn(w) }
        if segment.reader.badCodes > 0 { warn("Corrupt JPEG data: bad Huffman code") }
        pendingDiscarded += segment.discarded + segment.reader.discardBuffer()
        position = segment.reader.position
        if segment.reader.marker != 0 {
            unreadMarker = segment.reader.marker
            // libjpeg would report these at its next marker search; with the marker already
            // in hand there is none, so report them now rather than lose them.
            if pendingDiscarded > 0 {
                warn(JPEGMarkerScanner.extraneousWarning(pendingDiscarded, marker: segment.reader.marker))
                pendingDiscarded = 0
            }
        }
        noteEndOfFile()
        scansDecoded += 1
    }
}
