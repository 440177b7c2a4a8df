import Foundation

/// Turns names and brand names into the ASCII a person types in a handle or e-mail address
/// (`Sofía` → `sofia`, `Đức` → `duc`, `Yılmaz` → `yilmaz`, `dela Cruz` → `delacruz`). Used
/// when packs are compiled, never per creator.
enum LatinFolding {
    static func handleText(_ text: String) -> String {
        var result = ""
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar.value {
            case 0x0300...0x036F: continue // combining marks
            case 0x61...0x7A, 0x30...0x39: result.unicodeScalars.append(scalar)
            case 0x41...0x5A: result.unicodeScalars.append(Unicode.Scalar(scalar.value + 32) ?? scalar)
            case 0x2E, 0x5F: result.unicodeScalars.append(scalar) // . and _
            default:
                switch scalar {
                case "đ", "Đ": result += "d"
                case "ı", "İ": result += "i"
                case "ø", "Ø": result += "o"
                case "ß": result += "ss"
                case "æ", "Æ": result += "ae"
                case "ł", "Ł": result += "l"
                case "&": result += "and"
                default: continue
                }
            }
        }
        return result
    }

    /// A hashtag made of a keyword: spaces replaced by `joiner`, hyphens and apostrophes
    /// dropped, Latin letters lower-cased (Turkish-aware for `tr`), other scripts unchanged.
    static func hashtag(_ keyword: String, joiner: String, language: String) -> String {
        var text = keyword
        if language == "tr" {
            text = text.replacingOccurrences(of: "I", with: "ı").replacingOccurrences(of: "İ", with: "i")
        }
        var result = ""
        for character in text {
            switch character {
            case " ": result += joiner
            case "-", "'", "’", ".", ",", "!", "?": continue
            default: result.append(character)
            }
        }
        return result.lowercased()
    }
}
