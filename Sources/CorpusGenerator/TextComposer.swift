/// Fills templates for one creator: its language pack, niches, names, city, brands and
/// contact address, so that bios, captions and display names agree with the profile.
struct TextComposer: Sendable {
    let pack: CompiledLanguagePack
    let english: CompiledLanguagePack
    let categories: [CreatorCategory]
    let given: PersonName
    let family: PersonName
    let city: [UInt8]
    let email: [UInt8]
    let localBrands: [Brand]
    let globalBrands: [Brand]
    let isFemale: Bool

    /// The creator's brands (mostly local), for mentions and `collaborations.brands`.
    func brand(_ random: inout SplitMix64) -> Brand {
        if !localBrands.isEmpty && (globalBrands.isEmpty || random.chance(0.55)) {
            return random.pick(localBrands)
        }
        return globalBrands.isEmpty ? Brand("Amazon") : random.pick(globalBrands)
    }

    /// A niche of the creator: the main one 60% of the time.
    func category(_ random: inout SplitMix64) -> CreatorCategory {
        categories.count == 1 || random.chance(0.6) ? categories[0] : categories[1 + random.below(categories.count - 1)]
    }

    /// Fills `template` into `text`. A keyword is not repeated within one template
    /// (`{k} or {k}?` names two different things).
    func expand(_ template: TextTemplate, into text: inout [UInt8], random: inout SplitMix64) {
        var usedKeywords: [[UInt8]] = []
        for piece in template.pieces {
            switch piece {
            case .text(let bytes):
                text.append(contentsOf: bytes)
            case .slot(let slot) where slot == .keyword || slot == .primaryKeyword || slot == .englishKeyword:
                var word = keyword(slot, random: &random)
                var attempts = 0
                while usedKeywords.contains(word) && attempts < 4 {
                    word = keyword(slot, random: &random)
                    attempts += 1
                }
                usedKeywords.append(word)
                text.append(contentsOf: word)
            case .slot(let slot):
                append(slot, into: &text, random: &random)
            case .gendered(let female, let male):
                text.append(contentsOf: isFemale ? female : male)
            }
        }
    }

    private func keyword(_ slot: TextTemplate.Slot, random: inout SplitMix64) -> [UInt8] {
        switch slot {
        case .primaryKeyword: random.pick(pack.keywords[categories[0].rawValue])
        case .englishKeyword: random.pick(english.keywords[category(&random).rawValue])
        default: random.pick(pack.keywords[category(&random).rawValue])
        }
    }

    func expanded(_ template: TextTemplate, random: inout SplitMix64) -> [UInt8] {
        var text: [UInt8] = []
        text.reserveCapacity(96)
        expand(template, into: &text, random: &random)
        return text
    }

    private func append(_ slot: TextTemplate.Slot, into text: inout [UInt8], random: inout SplitMix64) {
        switch slot {
        case .keyword, .primaryKeyword, .englishKeyword:
            text.append(contentsOf: keyword(slot, random: &random))
        case .emoji:
            let niche = EmojiTable.byCategory[category(&random).rawValue]
            text.append(contentsOf: random.chance(0.75) ? random.pick(niche) : random.pick(EmojiTable.common))
            if random.chance(0.2) { text.append(contentsOf: random.pick(niche)) }
        case .city:
            text.append(contentsOf: city)
        case .number:
            appendDigits(random.integer(3...10), width: 1, to: &text)
        case .brandMention:
            text.append(contentsOf: brand(&random).mention)
        case .brandName:
            text.append(contentsOf: brand(&random).name)
        case .givenName:
            text.append(contentsOf: given.native)
        case .latinGivenName:
            text.append(contentsOf: given.latinDisplay)
        case .familyName:
            text.append(contentsOf: family.native)
        case .latinFamilyName:
            text.append(contentsOf: family.latinDisplay)
        case .email:
            text.append(contentsOf: email)
        }
    }

    /// The creator's hashtag set (without `#`): native tags of its niches, English ones,
    /// and a general tag or two. Captions draw from this set, so `hashtags` agrees with them.
    func hashtagSet(_ random: inout SplitMix64) -> [[UInt8]] {
        let wanted = random.integer(4...10)
        var tags: [[UInt8]] = []
        var attempts = 0
        while tags.count < wanted && attempts < wanted * 4 {
            attempts += 1
            let niche = category(&random)
            let roll = random.unit()
            let tag: [UInt8]
            if roll < 0.6 || pack.index == english.index {
                tag = random.pick(pack.hashtags[niche.rawValue])
            } else if roll < 0.88 {
                tag = random.pick(english.hashtags[niche.rawValue])
            } else {
                tag = random.pick(pack.generalTags)
            }
            if !tag.isEmpty && !tags.contains(tag) { tags.append(tag) }
        }
        if random.chance(0.3) {
            let general = random.pick(pack.generalTags)
            if !tags.contains(general) { tags.append(general) }
        }
        return tags
    }

    /// A post caption: a template, then hashtags from the creator's set, a disclosure tag
    /// and the brand's handle when sponsored.
    func caption(hashtags: [[UInt8]], sponsored: Bool, random: inout SplitMix64) -> [UInt8] {
        var text: [UInt8] = []
        text.reserveCapacity(128)
        let template = random.chance(0.06) && pack.index != english.index
            ? random.pick(english.captions) : random.pick(pack.captions)
        expand(template, into: &text, random: &random)
        if sponsored {
            text.append(0x20)
            text.append(UInt8(ascii: "#"))
            text.append(contentsOf: random.pick(pack.sponsorTags))
            if random.chance(0.6) {
                text.append(0x20)
                text.append(contentsOf: brand(&random).mention)
            }
        }
        let count = hashtags.isEmpty ? 0 : random.integer(0...min(4, hashtags.count))
        var used: [Int] = []
        for _ in 0..<count {
            let pick = random.below(hashtags.count)
            if used.contains(pick) { continue }
            used.append(pick)
            text.append(0x20)
            text.append(UInt8(ascii: "#"))
            text.append(contentsOf: hashtags[pick])
        }
        return text
    }
}

/// Emoji as UTF-8, made once.
enum EmojiTable {
    static let byCategory: [[[UInt8]]] = CreatorCategory.allCases.map { $0.emoji.map { Array($0.utf8) } }
    static let common: [[UInt8]] = CreatorCategory.commonEmoji.map { Array($0.utf8) }
}
