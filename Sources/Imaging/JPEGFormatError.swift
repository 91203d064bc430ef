/// Why a table definition was refused; the decoder maps it to ``ImagingError`` with the file name.
enum JPEGFormatError: Error, Sendable {
    case corrupt(String)
}
