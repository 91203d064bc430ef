/// Restart-interval handling shared by every scan type: the bit reader plus libjpeg's
/// `process_restart`, `read_restart_marker` and `jpeg_resync_to_restart` behaviour.
struct JPEGEntropySegment {
    var reader: JPEGBitReader
    let restartInterval: Int
    var restartsToGo: Int
    var nextRestart = 0
    var warnings: [String] = []
    /// Unused entropy bytes not yet reported; like libjpeg, they are reported only when a
    /// marker has to be searched for, together with what that search skipped.
    var discarded = 0
    /// The current segment already reported running out of data.
    private var reportedShortfall = false

    init(reader: JPEGBitReader, restartInterval: Int) {
        self.reader = reader
        self.restartInterval = restartInterval
        self.restartsToGo = restartInterval
    }

    /// Call before each MCU. Returns true when a restart was processed, so the caller resets
    /// its DC predictions (and EOB run).
    @inline(__always)
    mutating func beginMCU() -> Bool {
        guard restartInterval > 0, restartsToGo == 0 else { return false }
        processRestart()
        return true
    }

    /// Call after each MCU.
    @inline(__always)
    mutating func endMCU() {
        if reader.insufficient, !reportedShortfall {
            reportedShortfall = true
            warn("Corrupt JPEG data: premature end of data segment")
        }
        if restartInterval > 0 { restartsToGo -= 1 }
    }

    mutating func warn(_ message: String) {
        if warnings.count < JPEGLimits.warnings { warnings.append(message) }
    }

    private mutating func processRestart() {
        discarded += reader.discardBuffer()
        if reader.marker == 0 {
            let found = JPEGMarkerScanner.next(in: reader.data, position: &reader.position)
            discarded += found.discarded
            reader.marker = found.marker
            if discarded > 0 { warn(JPEGMarkerScanner.extraneousWarning(discarded, marker: reader.marker)) }
            discarded = 0
        }
        let expected = nextRestart
        if Int(reader.marker) == 0xD0 + expected {
            reader.marker = 0
        } else {
            warn("Corrupt JPEG data: found marker 0x\(JPEGMarkerScanner.hex(reader.marker)) instead of RST\(expected)")
            resync(expected: expected)
        }
        nextRestart = (nextRestart + 1) & 7
        restartsToGo = restartInterval
        // A marker still pending means the next segment is empty: keep producing zeros.
        if reader.marker == 0 {
            reader.insufficient = false
            reportedShortfall = false
        }
    }

    /// libjpeg's default resynchronisation: take the marker if it is the wanted RST or far
    /// from it, skip past earlier RSTs and invalid markers, and stop in front of anything else.
    private mutating func resync(expected: Int) {
        // Each pass either returns or advances `position`, so the loop ends by the end of the data.
        while true {
            let m = Int(reader.marker)
            let action: Int
            if m < 0xC0 {
                action = 2
            } else if m < 0xD0 || m > 0xD7 {
                action = 3
            } else if m == 0xD0 + ((expected + 1) & 7) || m == 0xD0 + ((expected + 2) & 7) {
                action = 3
            } else if m == 0xD0 + ((expected - 1) & 7) || m == 0xD0 + ((expected - 2) & 7) {
                action = 2
            } else {
                action = 1
            }
            switch action {
            case 1:
                reader.marker = 0
                return
            case 2:
                let found = JPEGMarkerScanner.next(in: reader.data, position: &reader.position)
                discarded += found.discarded
                reader.marker = found.marker
                if discarded > 0 { warn(JPEGMarkerScanner.extraneousWarning(discarded, marker: reader.marker)) }
                discarded = 0
            default:
                return
            }
        }
    }
}
