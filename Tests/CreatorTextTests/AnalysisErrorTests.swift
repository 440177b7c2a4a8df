import Testing
@testable import CreatorText

/// ICU failures surface as `AnalysisError` with ICU's own error name.
struct AnalysisErrorTests {
    @Test func unknownTransliteratorReportsICUErrorName() {
        #expect {
            _ = try Transliterator(id: "No-Such-Transliterator")
        } throws: { error in
            guard case let AnalysisError.icuFailure(operation, errorName) = error else { return false }
            return operation.contains("No-Such-Transliterator") && errorName == "U_INVALID_ID"
        }
    }

    @Test func invalidSetPatternReportsICUErrorName() {
        #expect {
            _ = try ICUCharacterSet(pattern: "[[:No_Such_Property:]]")
        } throws: { error in
            guard case let AnalysisError.icuFailure(_, errorName) = error else { return false }
            return errorName.hasPrefix("U_")
        }
    }

    @Test func descriptionNamesOperationAndError() {
        let error = AnalysisError.icuFailure(operation: "ubrk_open", errorName: "U_MISSING_RESOURCE_ERROR")
        #expect(error.description == "ICU failure in ubrk_open: U_MISSING_RESOURCE_ERROR")
    }
}
