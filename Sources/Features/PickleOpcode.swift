/// The pickle opcodes a PyTorch weights file uses (REFERENCE §7), and no others.
///
/// Anything outside this list, including every opcode that can import or
/// call arbitrary code (INST, OBJ, NEWOBJ, STACK_GLOBAL, EXT*), is rejected.
enum PickleOpcode: UInt8 {
    case proto = 0x80
    case stop = 0x2E         // .
    case mark = 0x28         // (
    case global = 0x63       // c
    case reduce = 0x52       // R
    case build = 0x62        // b
    case binPersID = 0x51    // Q
    case binPut = 0x71       // q
    case longBinPut = 0x72   // r
    case binGet = 0x68       // h
    case longBinGet = 0x6A   // j
    case binInt = 0x4A       // J
    case binInt1 = 0x4B      // K
    case binInt2 = 0x4D      // M
    case long1 = 0x8A
    case binUnicode = 0x58   // X
    case none = 0x4E         // N
    case newTrue = 0x88
    case newFalse = 0x89
    case emptyDict = 0x7D    // }
    case emptyList = 0x5D    // ]
    case emptyTuple = 0x29   // )
    case tuple = 0x74        // t
    case tuple1 = 0x85
    case tuple2 = 0x86
    case setItem = 0x73      // s
    case setItems = 0x75     // u
    case appends = 0x65      // e
}
