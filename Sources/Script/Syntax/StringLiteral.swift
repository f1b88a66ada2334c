/// One string token taken apart: its prefix flags and its body between the quotes.
struct StringLiteral {
    var isBytes = false
    var isRaw = false
    var isFormatted = false
    /// The characters between the quotes.
    var body: ArraySlice<Unicode.Scalar>
    /// The offset of the body's first character in the token text.
    var bodyOffset: Int

    /// Splits a STRING token's text (which the lexer guarantees is well formed).
    init(_ text: String) {
        let scalars = Array(text.unicodeScalars)
        var position = 0
        while position < scalars.count, scalars[position] != "'" && scalars[position] != "\"" {
            switch scalars[position] {
            case "b", "B": isBytes = true
            case "r", "R": isRaw = true
            case "f", "F": isFormatted = true
            default: break
            }
            position += 1
        }
        let quote = position < scalars.count ? scalars[position] : "\""
        var quoteSize = 1
        if scalars.count - position >= 6, scalars[position + 1] == quote, scalars[position + 2] == quote {
            quoteSize = 3
        }
        let start = Swift.min(scalars.count, position + quoteSize)
        let end = Swift.max(start, scalars.count - quoteSize)
        body = scalars[start..<end]
        bodyOffset = start
    }

    /// Whether the body needs escape processing.
    var hasBackslash: Bool { body.contains("\\") }
}

/// A failure of CPython's `unicode_escape` codec, with positions in the byte buffer it decoded.
struct EscapeError: Error, Equatable {
    var start: Int
    var end: Int
    var reason: String
    var firstByte: UInt8

    /// The text Python shows: "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: ...".
    var message: String {
        if end - start == 1 {
            let hex = String(firstByte, radix: 16)
            return "(unicode error) 'unicodeescape' codec can't decode byte 0x\(hex.count < 2 ? "0" + hex : hex) "
                + "in position \(start): \(reason)"
        }
        return "(unicode error) 'unicodeescape' codec can't decode bytes in position \(start)-\(end - 1): \(reason)"
    }
}

enum EscapeDecoder {
    /// Decodes the backslash escapes of a (non-raw) string body exactly as CPython 3.11 does: the body is first
    /// turned into the ASCII buffer CPython builds (non-ASCII characters become `\UXXXXXXXX`, so error positions
    /// match), then decoded. Unknown escapes such as `\q` are kept; lone surrogates become U+FFFD.
    static func decode(_ body: ArraySlice<Unicode.Scalar>) -> Result<String, EscapeError> {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(body.count)
        var index = body.startIndex
        while index < body.endIndex {
            var scalar = body[index]
            if scalar == "\\" {
                buffer.append(UInt8(ascii: "\\"))
                index += 1
                if index >= body.endIndex || body[index].value >= 0x80 {
                    buffer.append(contentsOf: Array("u005c".utf8))
                    if index >= body.endIndex { break }
                }
                scalar = body[index]
            }
            if scalar.value >= 0x80 {
                let hex = String(scalar.value, radix: 16)
                buffer.append(contentsOf: Array(("\\U" + String(repeating: "0", count: 8 - hex.count) + hex).utf8))
            } else {
                buffer.append(UInt8(scalar.value))
            }
            index += 1
        }
        return decodeBuffer(buffer)
    }

    /// CPython's `_PyUnicode_DecodeUnicodeEscapeInternal` on an ASCII buffer.
    static func decodeBuffer(_ bytes: [UInt8]) -> Result<String, EscapeError> {
        var output = String.UnicodeScalarView()
        var position = 0
        let end = bytes.count
        func fail(_ start: Int, _ stop: Int, _ reason: String) -> Result<String, EscapeError> {
            .failure(EscapeError(start: start, end: stop, reason: reason, firstByte: bytes[start]))
        }
        while position < end {
            let c = bytes[position]
            position += 1
            guard c == UInt8(ascii: "\\") else {
                output.append(Unicode.Scalar(c))
                continue
            }
            let start = position - 1
            guard position < end else { return fail(start, end, "\\ at end of string") }
            let e = bytes[position]
            position += 1
            switch e {
            case UInt8(ascii: "\n"): continue
            case UInt8(ascii: "\\"): output.append("\\")
            case UInt8(ascii: "'"): output.append("'")
            case UInt8(ascii: "\""): output.append("\"")
            case UInt8(ascii: "b"): output.append("\u{08}")
            case UInt8(ascii: "f"): output.append("\u{0C}")
            case UInt8(ascii: "t"): output.append("\t")
            case UInt8(ascii: "n"): output.append("\n")
            case UInt8(ascii: "r"): output.append("\r")
            case UInt8(ascii: "v"): output.append("\u{0B}")
            case UInt8(ascii: "a"): output.append("\u{07}")
            case UInt8(ascii: "0")...UInt8(ascii: "7"):
                var value = UInt32(e - UInt8(ascii: "0"))
                for _ in 0..<2 {
                    guard position < end, bytes[position] >= UInt8(ascii: "0"), bytes[position] <= UInt8(ascii: "7")
                    else { break }
                    value = value * 8 + UInt32(bytes[position] - UInt8(ascii: "0"))
                    position += 1
                }
                output.append(Unicode.Scalar(value) ?? "\u{FFFD}")
            case UInt8(ascii: "x"), UInt8(ascii: "u"), UInt8(ascii: "U"):
                let count = e == UInt8(ascii: "x") ? 2 : e == UInt8(ascii: "u") ? 4 : 8
                let reason = e == UInt8(ascii: "x")
                    ? "truncated \\xXX escape" : e == UInt8(ascii: "u") ? "truncated \\uXXXX escape"
                    : "truncated \\UXXXXXXXX escape"
                var value: UInt32 = 0
                for _ in 0..<count {
                    guard position < end else { return fail(start, end, reason) }
                    guard let digit = Character(Unicode.Scalar(bytes[position])).hexDigitValue else {
                        return fail(start, position, reason)
                    }
                    value = value &* 16 &+ UInt32(digit)
                    position += 1
                }
                if value > 0x10FFFF { return fail(start, position, "illegal Unicode character") }
                output.append(Unicode.Scalar(value) ?? "\u{FFFD}")
            case UInt8(ascii: "N"):
                let malformed = "malformed \\N character escape"
                guard position < end else { return fail(start, end, malformed) }
                guard bytes[position] == UInt8(ascii: "{") else { return fail(start, position, malformed) }
                position += 1
                let nameStart = position
                while position < end, bytes[position] != UInt8(ascii: "}") { position += 1 }
                guard position < end else { return fail(start, end, malformed) }
                let name = String(decoding: bytes[nameStart..<position], as: UTF8.self)
                guard !name.isEmpty else { return fail(start, position, malformed) }
                position += 1
                guard let scalar = UnicodeNames.scalar(named: name) else {
                    return fail(start, position, "unknown Unicode character name")
                }
                output.append(scalar)
            default:
                output.append("\\")
                output.append(Unicode.Scalar(e))
            }
        }
        return .success(String(output))
    }

    /// CPython's bytes escape decoding, only to find the errors it reports (Attend refuses bytes literals).
    static func bytesError(_ body: ArraySlice<Unicode.Scalar>) -> String? {
        var index = body.startIndex
        var position = 0
        while index < body.endIndex {
            if body[index] == "\\", index + 1 < body.endIndex, body[index + 1] == "x" {
                let hexStart = index + 2
                let digits = body[Swift.min(hexStart, body.endIndex)..<Swift.min(hexStart + 2, body.endIndex)]
                if digits.count < 2 || !digits.allSatisfy({ Lexer.isHexDigit($0) }) {
                    return "(value error) invalid \\x escape at position \(position)"
                }
                index += 4
                position += 4
                continue
            }
            if body[index] == "\\" {
                index += 2
                position += 2
                continue
            }
            index += 1
            position += 1
        }
        return nil
    }
}

/// Unicode character names for `\N{...}`, looked up without regard to case as CPython does.
enum UnicodeNames {
    /// The character with this name or name alias.
    static func scalar(named name: String) -> Unicode.Scalar? {
        table[name.uppercased()]
    }

    /// Every named character, built on first use.
    static let table: [String: Unicode.Scalar] = {
        var names: [String: Unicode.Scalar] = [:]
        names.reserveCapacity(150_000)
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let properties = scalar.properties
            if let name = properties.name { names[name] = scalar }
            if let alias = properties.nameAlias, names[alias] == nil { names[alias] = scalar }
        }
        return names
    }()
}
