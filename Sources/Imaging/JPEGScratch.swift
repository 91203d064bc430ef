/// Scratch memory and lookup tables for a scan's hot loops; call ``deallocate()`` when done.
struct JPEGScratch {
    let natural: UnsafeMutablePointer<Int>
    let workspace: UnsafeMutablePointer<Int16>
    /// Room for the ten blocks an MCU may hold.
    let blocks: UnsafeMutablePointer<Int16>

    init() {
        natural = .allocate(capacity: JPEGZigzag.natural.count)
        natural.initialize(from: JPEGZigzag.natural, count: JPEGZigzag.natural.count)
        workspace = .allocate(capacity: 128)
        workspace.initialize(repeating: 0, count: 128)
        blocks = .allocate(capacity: 640)
        blocks.initialize(repeating: 0, count: 640)
    }

    func deallocate() {
        natural.deallocate()
        workspace.deallocate()
        blocks.deallocate()
    }
}
