import ArgumentParsing
import Foundation
import Imaging
import Thresholding

/// `thresholdkit convert IN OUT`: decode any supported image and write exactly its pixels as PNG or PNM.
enum ConvertCommand {
    static let spec = CommandSpec(
        name: "convert",
        summary: "Decode an image (PNG, JPEG, PNM, BMP) and write its exact pixels as PNG or PNM (by OUT's extension).",
        discussion: """
            The check a user or CI can run on any file: what ThresholdKit decodes is what OUT holds.
            PNG keeps 16-bit samples and alpha; .ppm/.pnm hold grey or RGB, .pgm grey only, 8 or 16 bit.
            Nothing is converted silently: alpha to PNM and colour to .pgm are refused (exit 1).
            Recoverable JPEG damage decodes with a warning on stderr and exit 0, as libjpeg does;
            anything unreadable exits 1 naming the file.

            EXAMPLE:
              thresholdkit convert photo.jpg photo.png
            """,
        options: [
            .value("max-pixels", "N", help: "Refuse images whose header claims more than N pixels.", default: "100000000"),
            .flag("quiet", help: "Silence warnings."),
        ],
        positionalName: "IN OUT", positionalLimit: 2)

    static let maxPixels = ParameterSpec.integer("max-pixels", "N", default: 100_000_000, in: 1...Int(Int32.max), help: "")

    static func run(_ args: ParsedArguments, console: Console) throws(CommandError) {
        guard args.positionals.count == 2 else {
            throw .usage("convert takes exactly two arguments, IN and OUT, got \(args.positionals.count)", command: spec.name)
        }
        let (input, output) = (args.positionals[0], args.positionals[1])
        var options = DecodingOptions()
        options.maxPixels = try ParameterOptions.values([maxPixels], from: args, command: spec.name).integer("max-pixels") ?? 100_000_000
        let ext = (output as NSString).pathExtension.lowercased()
        guard ImageFormatRegistry.standard.format(forExtension: ext) != nil else {
            throw .usage("OUT must end in \(ImageFormatRegistry.standard.writableExtensionsPhrase), got '\(output)'", command: spec.name)
        }
        let decoded: DecodedImage
        do throws(ImagingError) { decoded = try ImageFile.read(path: input, options: options) } catch { throw .imaging(error) }
        if !args.flag("quiet") { decoded.warnings.forEach { console.err("warning: \(input): \($0)") } }
        let image = decoded.image
        if ext != "png" && (image.channels == 2 || image.channels == 4) {
            throw .data("\(input) has an alpha channel, which PNM cannot hold; write a .png instead")
        }
        if ext == "pgm" && image.channels != 1 {
            throw .data("\(input) is in colour, which .pgm (grey only) cannot hold; write a .ppm or .png instead")
        }
        do throws(ImagingError) { try ImageFile.write(image, to: output) } catch { throw .imaging(error) }
    }
}
