/// Which blocks each MCU of a scan holds, and where they sit in their component.
struct JPEGScanLayout: Sendable {
    let mcusPerLine: Int
    let mcusPerColumn: Int
    /// Per block of one MCU: position in the scan's component list, frame component index,
    /// and the block's offset (in blocks) inside the MCU.
    let blockSlot: [Int]
    let blockComponent: [Int]
    let blockColumn: [Int]
    let blockRow: [Int]
    /// Per scan component: MCU size in blocks (1×1 for a non-interleaved scan).
    let mcuWidth: [Int]
    let mcuHeight: [Int]

    init(frame: JPEGFrame, scan: JPEGScanHeader, file: String) throws(ImagingError) {
        var slots: [Int] = [], comps: [Int] = [], cols: [Int] = [], rows: [Int] = []
        var widths: [Int] = [], heights: [Int] = []
        if scan.componentIndices.count == 1 {
            let c = frame.components[scan.componentIndices[0]]
            mcusPerLine = c.widthInBlocks
            mcusPerColumn = c.heightInBlocks
            slots = [0]; comps = [scan.componentIndices[0]]; cols = [0]; rows = [0]
            widths = [1]; heights = [1]
        } else {
            mcusPerLine = frame.mcusPerLine
            mcusPerColumn = frame.mcusPerColumn
            for (slot, index) in scan.componentIndices.enumerated() {
                let c = frame.components[index]
                widths.append(c.horizontalSampling)
                heights.append(c.verticalSampling)
                for row in 0..<c.verticalSampling {
                    for col in 0..<c.horizontalSampling {
                        slots.append(slot); comps.append(index); cols.append(col); rows.append(row)
                    }
                }
            }
            guard slots.count <= 10 else { throw .corrupt(file: file, reason: "sampling factors too large for interleaved scan") }
        }
        blockSlot = slots
        blockComponent = comps
        blockColumn = cols
        blockRow = rows
        mcuWidth = widths
        mcuHeight = heights
    }

    /// Where each block of the first MCU starts in a buffer, and how far its block in the next MCU is
    /// across and down, for component buffers laid out in rows of blocks.
    ///
    /// - Parameters:
    ///   - origins: where each frame component's buffer starts.
    ///   - rowPitch: the distance between rows of blocks in each frame component's buffer.
    ///   - blockStep: the distance between neighbouring blocks of a row.
    func blockAddresses(origins: [Int], rowPitch: [Int], blockStep: Int)
        -> (base: [Int], mcuStepX: [Int], mcuStepY: [Int])
    {
        var base: [Int] = [], stepX: [Int] = [], stepY: [Int] = []
        for b in blockSlot.indices {
            let c = blockComponent[b]
            let slot = blockSlot[b]
            base.append(origins[c] + blockRow[b] * rowPitch[c] + blockColumn[b] * blockStep)
            stepX.append(mcuWidth[slot] * blockStep)
            stepY.append(mcuHeight[slot] * rowPitch[c])
        }
        return (base, stepX, stepY)
    }
}
