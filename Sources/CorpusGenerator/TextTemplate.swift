/// A bio, caption or display-name template parsed once into literal byte runs and slots
/// (see `LanguagePack` for the slot letters, and `[female|male]` for words that agree with
/// the creator's gender), so that filling one in is appending bytes.
struct TextTemplate: Sendable {
    enum Slot: Sendable {
        case keyword, primaryKeyword, englishKeyword, emoji, city, number, brandMention, brandName
        case givenName, latinGivenName, familyName, latinFamilyName, email

        init?(letter: Character) {
            switch letter {
            case "k": self = .keyword
            case "K": self = .primaryKeyword
            case "x": self = .englishKeyword
            case "e": self = .emoji
            case "c": self = .city
            case "d": self = .number
            case "b": self = .brandMention
            case "B": self = .brandName
            case "g": self = .givenName
            case "G": self = .latinGivenName
            case "f": self = .familyName
            case "F": self = .latinFamilyName
            case "m": self = .email
            default: return nil
            }
        }
    }

    enum Piece: Sendable {
        case text([UInt8])
        case slot(Slot)
        /// `[creadora|creador]`: the word for a woman, then for a man.
        case gendered(female: [UInt8], male: [UInt8])
    }

    let pieces: [Piece]

    /// Parses `{x}` slots; an unknown slot letter is a mistake in a language pack.
    init(_ source: String) {
        var pieces: [Piece] = []
        var literal = ""
        var characters = source.makeIterator()
        while let character = characters.next() {
            if character == "[" {
                var inside = ""
                while let next = characters.next(), next != "]" { inside.append(next) }
                let forms = inside.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
                precondition(forms.count == 2, "bad gendered word in template \"\(source)\"")
                if !literal.isEmpty { pieces.append(.text(Array(literal.utf8))) }
                literal = ""
                pieces.append(.gendered(female: Array(forms[0].utf8), male: Array(forms[1].utf8)))
                continue
            }
            guard character == "{" else {
                literal.append(character)
                continue
            }
            guard let letter = characters.next(), let slot = Slot(letter: letter), characters.next() == "}" else {
                preconditionFailure("bad slot in template \"\(source)\"")
            }
            if !literal.isEmpty { pieces.append(.text(Array(literal.utf8))) }
            literal = ""
            pieces.append(.slot(slot))
        }
        if !literal.isEmpty { pieces.append(.text(Array(literal.utf8))) }
        self.pieces = pieces
    }

    /// Whether the template uses `slot`.
    func uses(_ slot: Slot) -> Bool {
        pieces.contains { piece in
            if case .slot(let used) = piece { return used == slot }
            return false
        }
    }
}

extension TextTemplate.Slot: Equatable {}
