/// Number literals of the query language: `500`, `2.5`, `10k`, `1.5m`, `3%`, and a
/// leading `-` where a field allows negative values.
///
/// Digits and suffix are turned into a decimal string (`1.5m` → `15e5`, `3%` → `3e-2`)
/// and converted once, so a value is the correctly rounded double of the decimal written:
/// `3%` and `0.03` give the identical `Double`, and formatting back is exact.
struct QueryNumber: Hashable {
    enum Suffix: Hashable {
        case none, thousand, million, percent
    }

    var value: Double
    var suffix: Suffix

    /// Most significant digits (leading zeros aside) in one literal; a double keeps no more.
    static let maxDigits = 17

    enum Failure: Error {
        /// Not a number at all.
        case malformed
        /// More than `maxDigits` significant digits.
        case tooLong
    }

    /// Parses the whole of `characters` as one number literal.
    static func parse(_ characters: ArraySlice<Character>) -> Result<QueryNumber, Failure> {
        var index = characters.startIndex
        var negative = false
        if index < characters.endIndex, characters[index] == "-" {
            negative = true
            index += 1
        }
        var digits = ""
        while index < characters.endIndex, let digit = asciiDigit(characters[index]) {
            digits.append(digit)
            index += 1
        }
        guard !digits.isEmpty else { return .failure(.malformed) }
        var fractionDigits = 0
        if index < characters.endIndex, characters[index] == "." {
            index += 1
            while index < characters.endIndex, let digit = asciiDigit(characters[index]) {
                digits.append(digit)
                fractionDigits += 1
                index += 1
            }
            guard fractionDigits > 0 else { return .failure(.malformed) }
        }
        var suffix = Suffix.none
        var exponent = -fractionDigits
        if index < characters.endIndex {
            switch characters[index] {
            case "k", "K": suffix = .thousand; exponent += 3
            case "m", "M": suffix = .million; exponent += 6
            case "%": suffix = .percent; exponent -= 2
            default: return .failure(.malformed)
            }
            index += 1
        }
        guard index == characters.endIndex else { return .failure(.malformed) }
        guard digits.drop(while: { $0 == "0" }).count <= maxDigits else { return .failure(.tooLong) }
        guard let value = Double((negative ? "-" : "") + digits + "e" + String(exponent)) else { return .failure(.malformed) }
        return .success(QueryNumber(value: value, suffix: suffix))
    }

    private static func asciiDigit(_ character: Character) -> Character? {
        character.isASCII && character.isNumber ? character : nil
    }

    // MARK: Formatting

    /// `value` as a plain decimal (no exponent): the shortest digits that read back as
    /// the same double, with the decimal point moved `shift` places right (`shift` 2
    /// writes a fraction as a percent number).
    static func decimalText(_ value: Double, shift: Int = 0) -> String {
        var (negative, digits, exponent) = decimalParts(value)
        exponent += shift
        let body: String
        if digits == "0" {
            body = "0"
        } else if exponent >= 0 {
            body = digits + String(repeating: "0", count: exponent)
        } else if digits.count > -exponent {
            let split = digits.index(digits.endIndex, offsetBy: exponent)
            body = digits[..<split] + "." + digits[split...]
        } else {
            body = "0." + String(repeating: "0", count: -exponent - digits.count) + digits
        }
        if digits == "0" { negative = false }
        return (negative ? "-" : "") + body
    }

    /// Sign, significant digits without trailing zeros, and power of ten, from Swift's
    /// shortest round-trip rendering of the double.
    private static func decimalParts(_ value: Double) -> (negative: Bool, digits: String, exponent: Int) {
        var text = Substring(value.description)
        let negative = text.first == "-"
        if negative { text = text.dropFirst() }
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(text[text.index(after: e)...]) ?? 0
            text = text[..<e]
        }
        var digits = ""
        var seenPoint = false
        for character in text {
            if character == "." { seenPoint = true; continue }
            digits.append(character)
            if seenPoint { exponent -= 1 }
        }
        while digits.count > 1, digits.first == "0" { digits.removeFirst() }
        while digits.count > 1, digits.last == "0" {
            digits.removeLast()
            exponent += 1
        }
        return (negative, digits, exponent)
    }

    /// How `value` is written for a field of `scale`: shares as a percent (`0.03` → `3%`),
    /// amounts with `k`/`m` when that is exact and short (`10000` → `10k`, `1500000` → `1.5m`).
    static func queryText(_ value: Double, scale: QueryValueScale) -> String {
        switch scale {
        case .share:
            return decimalText(value, shift: 2) + "%"
        case .amount:
            let magnitude = abs(value)
            if magnitude >= 1_000_000, let text = shortText(value, shift: -6, maxFractionDigits: 3) { return text + "m" }
            if magnitude >= 1_000, let text = shortText(value, shift: -3, maxFractionDigits: 2) { return text + "k" }
            return decimalText(value)
        }
    }

    private static func shortText(_ value: Double, shift: Int, maxFractionDigits: Int) -> String? {
        let text = decimalText(value, shift: shift)
        guard let point = text.firstIndex(of: ".") else { return text }
        return text.distance(from: point, to: text.endIndex) - 1 <= maxFractionDigits ? text : nil
    }
}
