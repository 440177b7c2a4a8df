import Testing
@testable import CreatorEngine

/// The spec's examples and the documented meaning of each qualifier form.
@Suite("Query parsing: examples and values")
struct QueryParsingExampleTests {
    private func leaf(_ kind: QueryNode.Kind) -> QueryNode { QueryNode(kind, span: 0..<0) }
    private func and(_ children: QueryNode...) -> QueryNode { leaf(.and(children)) }
    private func or(_ children: QueryNode...) -> QueryNode { leaf(.or(children)) }
    private func not(_ child: QueryNode) -> QueryNode { leaf(.not(child)) }
    private func word(_ text: String) -> QueryNode { leaf(.text(TextTerm(text: text, isPhrase: false))) }
    private func phrase(_ text: String) -> QueryNode { leaf(.text(TextTerm(text: text, isPhrase: true))) }
    private func keyword(_ field: KeywordField, _ values: String...) -> QueryNode { leaf(.keyword(field, values)) }

    @Test("spec example 1: category, country, tier range, er percent, negated risk")
    func example1() throws {
        let parsed = try QueryParser().parse("category:beauty country:US tier:micro..mid er:>=3% -risk:high")
        #expect(parsed.root?.withoutSpans == and(
            keyword(.category, "beauty"), keyword(.country, "US"), leaf(.tier([.micro, .mid])),
            leaf(.numeric(.er, [.comparison(.greaterOrEqual, 0.03)])), not(leaf(.risk([.high])))))
        #expect(parsed.sort == .score && parsed.limit == 20 && parsed.offset == 0)
        // Spans are the source text of each node.
        let spans = parsed.root?.children.map(\.span)
        #expect(spans == [0..<15, 16..<26, 27..<42, 43..<50, 51..<61])
        #expect(parsed.root?.children.last?.children.first?.span == 52..<61)
    }

    @Test("spec example 2: phrase, audience shares, sort and limit")
    func example2() throws {
        let parsed = try QueryParser().parse("\"clean skincare\" aud.gender:female>=60% aud.country:US>=40% sort:-er limit:50")
        #expect(parsed.root?.withoutSpans == and(
            phrase("clean skincare"),
            leaf(.audience(.gender, key: "female", .comparison(.greaterOrEqual, 0.6))),
            leaf(.audience(.country, key: "US", .comparison(.greaterOrEqual, 0.4)))))
        #expect(parsed.sort == SortOrder(key: .field(.er), descending: true))
        #expect(parsed.limit == 50)
    }

    @Test("spec example 3: CJK words, OR binds looser than juxtaposition")
    func example3() throws {
        let parsed = try QueryParser().parse("护肤 OR スキンケア OR 스킨케어 country:CN,JP,KR,TW")
        #expect(parsed.root?.withoutSpans == or(
            word("护肤"), word("スキンケア"), and(word("스킨케어"), keyword(.country, "CN", "JP", "KR", "TW"))))
        // Columns count characters: 护肤 is two.
        #expect(parsed.root?.children.map(\.span) == [0..<2, 6..<11, 15..<39])
    }

    @Test("spec example 4: parenthesised OR, lang, follower comparison, negated flag")
    func example4() throws {
        let parsed = try QueryParser().parse("(category:gaming OR category:tech) lang:id followers:>=20k -flag:bought_followers")
        #expect(parsed.root?.withoutSpans == and(
            or(keyword(.category, "gaming"), keyword(.category, "tech")), keyword(.lang, "id"),
            leaf(.numeric(.followers, [.comparison(.greaterOrEqual, 20_000)])), not(leaf(.flag(["bought_followers"])))))
        #expect(parsed.root?.children.first?.span == 0..<34)
    }

    @Test("spec example 5: like and overlap by handle, risk")
    func example5() throws {
        let parsed = try QueryParser().parse("like:@glowwithmei overlap:@glowwithmei<=15% risk:low")
        #expect(parsed.root?.withoutSpans == and(
            leaf(.like([.handle("glowwithmei")])),
            leaf(.overlap(.handle("glowwithmei"), .comparison(.lessOrEqual, 0.15))), leaf(.risk([.low]))))
    }

    @Test("numbers: suffixes, ranges, percent and fraction forms agree")
    func numbers() throws {
        #expect(try queryParsingShape("followers:10k..200k") == leaf(.numeric(.followers, [.range(lower: 10_000, upper: 200_000)])))
        #expect(try queryParsingShape("views:>1.5m") == leaf(.numeric(.views, [.comparison(.greater, 1_500_000)])))
        #expect(try queryParsingShape("price:..500,2k..") == leaf(.numeric(.price, [.range(lower: nil, upper: 500), .range(lower: 2_000, upper: nil)])))
        #expect(try queryParsingShape("gmv:=10K") == leaf(.numeric(.gmv, [.comparison(.equal, 10_000)])))
        #expect(try queryParsingShape("price:250") == leaf(.numeric(.price, [.comparison(.equal, 250)])))
        #expect(try queryParsingShape("er:>=3%") == queryParsingShape("er:>=0.03"))
        #expect(try queryParsingShape("credibility:>=80%") == leaf(.numeric(.credibility, [.comparison(.greaterOrEqual, 0.8)])))
        #expect(try queryParsingShape("growth:<-5%") == leaf(.numeric(.growth, [.comparison(.less, -0.05)])))
        #expect(try queryParsingShape("growth:>=150%") == leaf(.numeric(.growth, [.comparison(.greaterOrEqual, 1.5)])))
        #expect(try queryParsingShape("er:1") == leaf(.numeric(.er, [.comparison(.equal, 1)])))
        #expect(try queryParsingShape("followers:5..5") == leaf(.numeric(.followers, [.range(lower: 5, upper: 5)])))
    }

    @Test("tiers and risk levels: names, lists, ranges and comparisons become sets")
    func ordinals() throws {
        #expect(try queryParsingShape("tier:MEGA,micro,micro") == leaf(.tier([.micro, .mega])))
        #expect(try queryParsingShape("tier:>=mid") == leaf(.tier([.mid, .macro, .mega])))
        #expect(try queryParsingShape("tier:<micro") == leaf(.tier([.nano])))
        #expect(try queryParsingShape("tier:..micro,macro..") == leaf(.tier([.nano, .micro, .macro, .mega])))
        #expect(try queryParsingShape("risk:<=medium") == leaf(.risk([.low, .medium])))
        #expect(try queryParsingShape("risk:high,low") == leaf(.risk([.low, .high])))
    }

    @Test("keyword values are normalised by kind")
    func keywords() throws {
        #expect(try queryParsingShape("Country:us,Ca") == keyword(.country, "US", "CA"))
        #expect(try queryParsingShape("lang:PT-br,zh_Hant") == keyword(.lang, "pt", "zh"))
        #expect(try queryParsingShape("CATEGORY:SkinCare") == keyword(.category, "skincare"))
        #expect(try queryParsingShape("hashtag:#CleanBeauty,＃护肤,skincare") == keyword(.hashtag, "CleanBeauty", "护肤", "skincare"))
        #expect(try queryParsingShape("handle:@GlowWithMei") == keyword(.handle, "GlowWithMei"))
        #expect(try queryParsingShape("id:tiktok:6812345") == keyword(.id, "tiktok:6812345"))
        #expect(try queryParsingShape("platform:TikTok,instagram,x") == leaf(.platform([.tiktok, .instagram, .x])))
        #expect(try queryParsingShape("flag:Low_Engagement,stale_data") == leaf(.flag(["low_engagement", "stale_data"])))
        #expect(try queryParsingShape("like:@a,tiktok:1") == leaf(.like([.handle("a"), .id("tiktok:1")])))
        #expect(try queryParsingShape("aud.age:18-24>=30%") == leaf(.audience(.age, key: "18-24", .comparison(.greaterOrEqual, 0.3))))
        #expect(try queryParsingShape("AUD.COUNTRY:us>40%") == leaf(.audience(.country, key: "US", .comparison(.greater, 0.4))))
        #expect(try queryParsingShape("aud.lang:ES<=0.5") == leaf(.audience(.lang, key: "es", .comparison(.lessOrEqual, 0.5))))
        #expect(try queryParsingShape("aud.interest:Fitness>=20%") == leaf(.audience(.interest, key: "fitness", .comparison(.greaterOrEqual, 0.2))))
        #expect(try queryParsingShape("aud.age:65+=10%") == leaf(.audience(.age, key: "65+", .comparison(.equal, 0.1))))
        #expect(try queryParsingShape("overlap:tiktok:1<20%") == leaf(.overlap(.id("tiktok:1"), .comparison(.less, 0.2))))
    }

    @Test("free text: operators only in upper case, Unicode words, URLs and colons")
    func freeText() throws {
        #expect(try queryParsingShape("skin or care") == and(word("skin"), word("or"), word("care")))
        #expect(try queryParsingShape("NOT skin") == not(word("skin")))
        #expect(try queryParsingShape("--skin") == not(not(word("skin"))))
        #expect(try queryParsingShape("anti-aging café 护肤") == and(word("anti-aging"), word("café"), word("护肤")))
        #expect(try queryParsingShape("https://example.com/x 10:30 :-D") == and(word("https://example.com/x"), word("10:30"), word(":-D")))
        #expect(try queryParsingShape("\"say \\\"hi\\\" \\\\ \\n\"") == phrase("say \"hi\" \\ \\n"))
        #expect(try queryParsingShape("a\"b c\"d") == and(word("a"), phrase("b c"), word("d")))
        #expect(try queryParsingShape("(a)") == word("a"))
    }

    @Test("directives anywhere at the top level; empty queries mean everything")
    func directives() throws {
        let parsed = try QueryParser().parse("limit:5 a OR sort:followers b offset:40")
        #expect(parsed.root?.withoutSpans == or(word("a"), word("b")))
        #expect(parsed.sort == SortOrder(key: .field(.followers), descending: false))
        #expect(parsed.limit == 5 && parsed.offset == 40)
        #expect(try QueryParser().parse("sort:-score").sort == .score)
        #expect(try QueryParser().parse("limit:1k").limit == 1_000)
        for empty in ["", "   ", "\t\n\u{3000}"] {
            let everything = try QueryParser().parse(empty)
            #expect(everything.root == nil && everything.limit == 20 && everything.sort == .score)
        }
        #expect(try QueryParser().parse("sort:-gmv").root == nil)
    }

    @Test("explain output shows the tree with columns")
    func explain() throws {
        let parsed = try QueryParser().parse("护肤 category:beauty -(er:<1% OR risk:>=medium) sort:-er")
        #expect(parsed.description == """
            AND  [1–45]
              text "护肤"  [1–2]
              category = beauty  [4–18]
              NOT  [20–45]
                OR  [21–45]
                  er < 1%  [22–27]
                  risk in (medium, high)  [32–44]
            sort: -er, limit: 20, offset: 0
            """)
        #expect(try QueryParser().parse("").description == "everything (no conditions)\nsort: score, limit: 20, offset: 0")
    }

    @Test("predicates mean what they say")
    func predicateMeaning() {
        #expect(NumericPredicate.range(lower: 10, upper: 20).matches(10) && NumericPredicate.range(lower: 10, upper: 20).matches(20))
        #expect(!NumericPredicate.range(lower: 10, upper: nil).matches(9.99))
        #expect(NumericPredicate.comparison(.greater, 3).matches(3.01) && !NumericPredicate.comparison(.greater, 3).matches(3))
        #expect(NumericPredicate.comparison(.lessOrEqual, 3).bounds.upper?.inclusive == true)
        #expect(NumericPredicate.comparison(.less, 3).bounds.lower == nil)
    }
}
