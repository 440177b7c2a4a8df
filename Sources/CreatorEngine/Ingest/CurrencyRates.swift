import Foundation
internal import CSimdjson

/// A dated table of exchange rates, USD per unit of each currency, for the `price` filter
/// and sort (a dump's prices come in many currencies; the index keeps USD).
///
/// `builtIn` is the table that ships with the engine; a user replaces it at build time with
/// a JSON file (`init(contentsOfFile:)`):
///
/// ```json
/// {"date": "2026-11-01", "usd_per_unit": {"EUR": 1.08, "CNY": 0.138}}
/// ```
///
/// A currency with no rate leaves the price in USD unknown (never a guess).
public struct CurrencyRates: Sendable, Equatable {
    /// The day the rates are taken from.
    public let date: Timestamp
    /// USD per one unit, by upper-case ISO 4217 code; `USD` is always 1.
    public let usdPerUnit: [String: Double]

    /// - Precondition-free: codes are upper-cased, `USD` is set to 1.
    public init(date: Timestamp, usdPerUnit: [String: Double]) {
        self.date = date
        var table: [String: Double] = [:]
        for (code, rate) in usdPerUnit { table[code.uppercased()] = rate }
        table["USD"] = 1
        self.usdPerUnit = table
    }

    /// `amount` in `currency` (ISO 4217, any case) converted to USD; `nil` without a rate.
    public func usd(_ amount: Double, currency: String) -> Double? {
        if currency == "USD" { return amount }
        guard let rate = usdPerUnit[currency] ?? usdPerUnit[currency.uppercased()] else { return nil }
        return amount * rate
    }

    /// The table builtIn with the engine, dated 2026-11-01. The values are approximations of
    /// late-2026 market rates (rounded mid rates, not quotes from a live source); good for
    /// ranking and filtering creators by price, not for invoicing. Replace them with
    /// `--rates FILE` (see `init(contentsOfFile:)`) when exact figures matter.
    public static let builtIn = CurrencyRates(
        date: Timestamp(secondsSinceEpoch: 1_793_491_200), // 2026-11-01
        usdPerUnit: [
            "USD": 1, "EUR": 1.08, "GBP": 1.27, "CHF": 1.13, "JPY": 0.0067, "CNY": 0.138,
            "HKD": 0.128, "TWD": 0.031, "KRW": 0.00073, "SGD": 0.75, "MYR": 0.22, "IDR": 0.000062,
            "THB": 0.029, "VND": 0.000039, "PHP": 0.0175, "INR": 0.012, "PKR": 0.0036, "BDT": 0.0083,
            "AUD": 0.66, "NZD": 0.60, "CAD": 0.73, "MXN": 0.055, "BRL": 0.18, "ARS": 0.00085,
            "CLP": 0.00105, "COP": 0.00025, "PEN": 0.27, "RUB": 0.011, "UAH": 0.024, "TRY": 0.025,
            "PLN": 0.25, "CZK": 0.043, "HUF": 0.0027, "SEK": 0.095, "NOK": 0.093, "DKK": 0.145,
            "SAR": 0.2667, "AED": 0.2723, "QAR": 0.2747, "ILS": 0.27, "EGP": 0.020, "NGN": 0.00065,
            "ZAR": 0.055, "KZT": 0.0019,
        ])

    /// Loads a rate table from a JSON file shaped `{"date": "YYYY-MM-DD", "usd_per_unit":
    /// {"EUR": 1.08, ...}}`: codes three ASCII letters (any case), rates finite numbers > 0.
    /// Other fields are ignored. - Throws: `IngestError.invalidRates` saying what is wrong.
    public init(contentsOfFile path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw IngestError.invalidRates(path: path, reason: FileManager.default.fileExists(atPath: path)
                                           ? "cannot read the file" : "no such file")
        }
        let parser = JSONDocumentParser()
        let parsed: Result<(Timestamp, [String: Double]), IngestError> = data.withUnsafeBytes { bytes in
            func fail(_ reason: String) -> Result<(Timestamp, [String: Double]), IngestError> {
                .failure(.invalidRates(path: path, reason: reason))
            }
            let root: csj_value
            switch parser.parse(bytes) {
            case .success(let value): root = value
            case .failure(let error): return fail("not valid JSON: \(error.message)")
            }
            guard root.type == CSJ_OBJECT else { return fail("expected a JSON object, got \(root.shortDescription)") }
            var rootValue = root
            var field = csj_value()
            guard csj_object_find(&rootValue, "date", 4, &field) else { return fail("missing \"date\"") }
            guard field.type == CSJ_STRING, let date = Timestamp(utf8: field.stringBytes) else {
                return fail("\"date\": expected YYYY-MM-DD, got \(field.shortDescription)")
            }
            guard csj_object_find(&rootValue, "usd_per_unit", 12, &field) else { return fail("missing \"usd_per_unit\"") }
            guard field.type == CSJ_OBJECT else { return fail("\"usd_per_unit\": expected an object, got \(field.shortDescription)") }
            var table: [String: Double] = [:]
            var problem: String?
            field.forEachField { key, rate in
                guard problem == nil else { return }
                guard key.count == 3, key.allSatisfy(CodeNormalisation.isASCIILetter) else {
                    problem = "\"usd_per_unit\": \"\(key.utf8Text)\" is not a three-letter ISO 4217 code"
                    return
                }
                guard rate.isNumber, rate.number > 0, rate.number.isFinite else {
                    problem = "\"usd_per_unit\".\(key.utf8Text): expected a number > 0, got \(rate.shortDescription)"
                    return
                }
                table[CodeNormalisation.asciiString(key, upper: true)] = rate.number
            }
            if let problem { return fail(problem) }
            return .success((date, table))
        }
        let (date, table) = try parsed.get()
        self.init(date: date, usdPerUnit: table)
    }
}
