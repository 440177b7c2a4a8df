import Testing
@testable import CreatorEngine

/// Each class of refusal, with its full three-line rendering.
@Suite("Query parsing: errors")
struct QueryParsingErrorTests {
    private func refusal(_ text: String, limits: QueryLimits = .default) -> QueryError? {
        do {
            _ = try QueryParser(limits: limits).parse(text)
            return nil
        } catch {
            return error
        }
    }

    @Test("every error class renders message, query and carets", arguments: [
        // unknown qualifier, with a suggestion
        ("category:beauty contry:US", QueryError.Kind.unknownQualifier, """
            error at column 17: unknown qualifier 'contry' (did you mean 'country'?)
              category:beauty contry:US
                              ^^^^^^
            """),
        ("aud.contry:US>=4%", .unknownQualifier, """
            error at column 1: unknown qualifier 'aud.contry' (did you mean 'aud.country'?)
              aud.contry:US>=4%
              ^^^^^^^^^^
            """),
        // bad values: a suggestion when near, else the valid values
        ("tier:giant", .badValue, """
            error at column 6: bad value 'giant' for 'tier:' (expected one of: nano, micro, mid, macro, mega)
              tier:giant
                   ^^^^^
            """),
        ("tier:mirco..mid", .badValue, """
            error at column 6: bad value 'mirco' for 'tier:' (did you mean 'micro'?)
              tier:mirco..mid
                   ^^^^^
            """),
        ("platform:tiktk", .badValue, """
            error at column 10: bad value 'tiktk' for 'platform:' (did you mean 'tiktok'?)
              platform:tiktk
                       ^^^^^
            """),
        ("-flag:bought_follower", .badValue, """
            error at column 7: bad value 'bought_follower' for 'flag:' (did you mean 'bought_followers'?)
              -flag:bought_follower
                    ^^^^^^^^^^^^^^^
            """),
        ("country:USA", .badValue, """
            error at column 9: bad value 'USA' for 'country:': a country is a two-letter ISO 3166-1 code
              country:USA
                      ^^^
            """),
        ("aud.age:18-25>=30%", .badValue, """
            error at column 9: bad value '18-25' for 'aud.age:' (did you mean '18-24'?)
              aud.age:18-25>=30%
                      ^^^^^
            """),
        ("aud.country:US", .badValue, """
            error at column 13: 'aud.country:' needs a comparison after the key
              aud.country:US
                          ^^
            """),
        ("overlap:@a<=1%,@b<=2%", .badValue, """
            error at column 15: 'overlap:' takes one value, not a list
              overlap:@a<=1%,@b<=2%
                            ^
            """),
        // bad numbers
        ("followers:12x", .badNumber, """
            error at column 11: bad number '12x' for 'followers:'
              followers:12x
                        ^^^
            """),
        ("er:>=3", .badNumber, """
            error at column 6: ambiguous share '3' for 'er:'
              er:>=3
                   ^
            """),
        ("aud.gender:female>=120%", .badNumber, """
            error at column 20: 'aud.gender:' is a share and cannot exceed 100%
              aud.gender:female>=120%
                                 ^^^^
            """),
        ("price:>5%", .badNumber, """
            error at column 8: 'price:' is not a share: '%' does not apply
              price:>5%
                     ^^
            """),
        // bad ranges
        ("followers:200k..10k", .badRange, """
            error at column 11: empty range: 200k is greater than 10k
              followers:200k..10k
                        ^^^^^^^^^
            """),
        ("tier:mid..micro", .badRange, """
            error at column 6: empty range: 'mid' is above 'micro'
              tier:mid..micro
                   ^^^^^^^^^^
            """),
        ("views:..", .badRange, """
            error at column 7: a range needs at least one end
              views:..
                    ^^
            """),
        // missing values
        ("country:", .missingValue, """
            error at column 1: missing value for 'country:'
              country:
              ^^^^^^^^
            """),
        ("country:US,,CA", .missingValue, """
            error at column 12: empty value in the list for 'country:'
              country:US,,CA
                         ^
            """),
        ("followers:>=", .missingValue, """
            error at column 11: missing value after '>=' for 'followers:'
              followers:>=
                        ^^
            """),
        // phrases
        ("serum \"vitamin c", .unterminatedPhrase, """
            error at column 7: unterminated phrase: this '"' is never closed
              serum "vitamin c
                    ^
            """),
        ("a \" \"", .emptyPhrase, """
            error at column 3: empty phrase
              a " "
                ^^^
            """),
        // parentheses
        ("(a OR b", .unbalancedParentheses, """
            error at column 1: this '(' is never closed
              (a OR b
              ^
            """),
        ("a b)", .unbalancedParentheses, """
            error at column 4: unexpected ')' with no '(' before it
              a b)
                 ^
            """),
        ("a () b", .emptyParentheses, """
            error at column 3: empty parentheses
              a () b
                ^^
            """),
        // dangling operators
        ("OR skincare", .danglingOperator, """
            error at column 1: 'OR' has nothing on its left
              OR skincare
              ^^
            """),
        ("skincare OR", .danglingOperator, """
            error at column 10: 'OR' has nothing on its right
              skincare OR
                       ^^
            """),
        ("skincare -", .danglingOperator, """
            error at column 10: '-' has nothing directly after it to exclude
              skincare -
                       ^
            """),
        ("skin - care", .danglingOperator, """
            error at column 6: '-' has nothing directly after it to exclude
              skin - care
                   ^
            """),
        ("(a NOT)", .danglingOperator, """
            error at column 4: 'NOT' has nothing after it to exclude
              (a NOT)
                 ^^^
            """),
        // directives
        ("sort:er skincare sort:-er", .duplicateDirective, """
            error at column 18: duplicate 'sort:' (already given at column 1)
              sort:er skincare sort:-er
                               ^^^^^^^^
            """),
        ("(a limit:5)", .misplacedDirective, """
            error at column 4: 'limit:' cannot be inside parentheses
              (a limit:5)
                 ^^^^^^^
            """),
        ("a -sort:er", .misplacedDirective, """
            error at column 3: 'sort:' cannot be negated
              a -sort:er
                ^^^^^^^^
            """),
        ("limit:1001", .badLimit, """
            error at column 7: limit must be between 1 and 1000, not 1001
              limit:1001
                    ^^^^
            """),
        ("limit:0", .badLimit, """
            error at column 7: limit must be between 1 and 1000, not 0
              limit:0
                    ^
            """),
        ("offset:-5", .badOffset, """
            error at column 8: negative offset -5
              offset:-5
                     ^^
            """),
        ("sort:-folowers", .unknownSortField, """
            error at column 7: unknown sort field 'folowers' (did you mean 'followers'?)
              sort:-folowers
                    ^^^^^^^^
            """),
    ])
    func rendering(query: String, kind: QueryError.Kind, expected: String) throws {
        let error = try #require(refusal(query))
        #expect(error.kind == kind)
        #expect(error.description == expected)
        #expect(error.column == error.span.lowerBound + 1)
    }

    @Test("columns count characters and carets count display cells")
    func wideCharacters() throws {
        let error = try #require(refusal("护肤 contry:CN"))
        #expect(error.column == 4)
        #expect(error.description == """
            error at column 4: unknown qualifier 'contry' (did you mean 'country'?)
              护肤 contry:CN
                   ^^^^^^
            """)
        let underWide = try #require(refusal("护肤:x tier:小"))
        #expect(underWide.description == """
            error at column 11: bad value '小' for 'tier:' (expected one of: nano, micro, mid, macro, mega)
              护肤:x tier:小
                          ^^
            """)
    }

    @Test("hints say what to write")
    func hints() throws {
        #expect(try #require(refusal("er:>=3")).hint == "write 3% or 0.03")
        #expect(try #require(refusal("growth:2.5")).hint == "write 2.5% or 0.025")
        #expect(try #require(refusal("tier:giant")).hint == "valid tiers: nano, micro, mid, macro, mega")
        let unknown = try #require(refusal("tip: wash daily"))
        #expect(unknown.hint == "to search for the text itself, quote it: \"tip:\"")
        #expect(unknown.detailedDescription.hasSuffix("\n  hint: to search for the text itself, quote it: \"tip:\""))
        #expect(try #require(refusal("category:\"skin care\"")).hint?.contains("not quoted") == true)
    }

    @Test("hard limits each have their own error")
    func limits() throws {
        let long = String(repeating: "a ", count: 2_100)
        let tooLong = try #require(refusal(long))
        #expect(tooLong.kind == .queryTooLong && tooLong.column == 4_097)
        #expect(tooLong.message == "query too long (more than 4096 characters)")
        // A long query is shown as a window around the problem.
        let lines = tooLong.description.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 3 && lines[1].count < 110 && lines[1].hasPrefix("  …"))
        let caret = try #require(lines[2].firstIndex(of: "^"))
        #expect(lines[2].distance(from: lines[2].startIndex, to: caret) == 2 + 1 + 30)

        let clauses = (0...256).map { "w\($0)" }.joined(separator: " ")
        let tooMany = try #require(refusal(clauses))
        #expect(tooMany.kind == .tooManyClauses && tooMany.message == "too many clauses (more than 256)")
        #expect(tooMany.span == Array(clauses).firstRange(of: Array("w256")))

        let deep = String(repeating: "(", count: 33) + "a" + String(repeating: ")", count: 33)
        let tooDeep = try #require(refusal(deep))
        #expect(tooDeep.kind == .nestedTooDeeply && tooDeep.column == 33)
        #expect(try QueryParser().parse(String(repeating: "(", count: 32) + "a" + String(repeating: ")", count: 32)).root != nil)
        #expect(try #require(refusal(String(repeating: "-", count: 40) + "a")).kind == .nestedTooDeeply)

        let list = "country:" + (0...256).map { _ in "US" }.joined(separator: ",")
        let tooLongList = try #require(refusal(list))
        #expect(tooLongList.kind == .listTooLong && tooLongList.column == 8 + 256 * 3 + 1)

        let custom = QueryLimits(maxLength: 10, maxClauses: 2, maxDepth: 1, maxListLength: 2)
        #expect(refusal("a b c", limits: custom)?.kind == .tooManyClauses)
        #expect(refusal("((a))", limits: custom)?.kind == .nestedTooDeeply)
        #expect(refusal("lang:a,b,c", limits: custom)?.kind == .listTooLong) // counted before values are checked
        #expect(refusal("abcdefghijk", limits: custom)?.kind == .queryTooLong)
    }

    @Test("every parser error kind is produced by some query above")
    func coverage() {
        let queries = ["contry:US", "tier:giant", "followers:1x", "views:9..1", "country:", "\"a", "\"\"", "(a", "()",
                       "OR", "(sort:er)", "limit:1 limit:2", "limit:5000", "offset:-1", "sort:bogus",
                       String(repeating: "a", count: 5_000), (0...300).map { _ in "a" }.joined(separator: " "),
                       String(repeating: "(", count: 40), "country:" + Array(repeating: "US", count: 300).joined(separator: ",")]
        let kinds = Set(queries.compactMap { refusal($0)?.kind })
        #expect(kinds == Set(QueryError.Kind.allCases).subtracting(QueryError.executionKinds))
    }
}
