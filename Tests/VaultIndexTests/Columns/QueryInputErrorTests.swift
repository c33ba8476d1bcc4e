import Foundation
import Testing
@testable import VaultIndex

/// Bad search input gets a clear error naming what is wrong and where, and changes nothing:
/// 1. a field that is not filterable (the message lists the filterable ones), `>` on a string
///    field, `TO` with a bound that is not a number, `STARTS WITH` on a number — each an
///    `invalidFilter` with the position of the fault in the filter text;
/// 2. sort, facets and distinct on fields not declared for them, negative or huge limits, page
///    overflow and negative crop lengths — each `invalidSearch` naming the parameter;
/// 3. none of them returns a partial answer, and the index is unchanged (check() stays clean).
@Suite("search input errors")
struct QueryInputErrorTests {
    func fault(_ filter: String, _ fixture: ColumnFixture) throws -> FilterFault? {
        do {
            _ = try fixture.results(filter: filter)
            return nil
        } catch IndexError.invalidFilter(let fault) { return fault }
    }

    @Test("filters that parse but cannot run point at their fault")
    func filterFaults() throws {
        let fixture = try ColumnFixture(); defer { fixture.cleanUp() }
        let notFilterable = try #require(try fault("views > 1 AND title = python", fixture))
        #expect(notFilterable.range == 14..<19)
        #expect(notFilterable.message.hasPrefix("attribute `title` is not filterable; filterable attributes: author, category.lvl*, featured, model, ratingAvg, tags, views"))
        let stringRange = try #require(try fault("model > 3", fixture))
        #expect(stringRange.message == "`>` needs a number attribute; `model` is a string attribute" && stringRange.range == 0..<5)
        let badBound = try #require(try fault("views 10 TO ten", fixture))
        #expect(badBound.message == "`TO` needs a number; `ten` is not one" && badBound.range == 12..<15)
        #expect(try fault("views STARTS WITH 1", fixture)?.message == "`STARTS WITH` needs a string attribute; `views` is a number attribute")
        #expect(try fault("featured >= 1", fixture) != nil, "a flag is not a number attribute")
    }

    @Test("syntax errors of the parser carry positions; deep and huge filters are refused")
    func syntax() throws {
        #expect(throws: FilterSyntaxError.self) { try FilterParser.parse("(tags = a") }
        #expect(throws: FilterSyntaxError.self) { try FilterParser.parse("tags => a") }
        #expect(throws: FilterSyntaxError.self) { try FilterParser.parse(String(repeating: "(", count: 1_000) + "a = 1" + String(repeating: ")", count: 1_000)) }
        #expect(throws: FilterSyntaxError.self) { try FilterParser.parse("a IN [" + String(repeating: "x, ", count: 40_000) + "x]") }
        #expect(throws: FilterSyntaxError.self) { try FilterParser.parse(utf8: Array("tags = ".utf8) + [0xFF, 0xFE]) }
    }

    @Test("parameters naming undeclared fields or out of range are refused by name")
    func parameters() throws {
        let fixture = try ColumnFixture(); defer { fixture.cleanUp() }
        func parameter(_ configure: (inout SearchOptions) -> Void) -> String? {
            do {
                _ = try fixture.results("", configure)
                return nil
            } catch IndexError.invalidSearch(let parameter, _) { return parameter } catch { return "other: \(error)" }
        }
        #expect(parameter { $0.sort = [SortKey(field: "tags", descending: true)] } == "sort")
        #expect(parameter { $0.sort = [SortKey(field: "title", descending: false)] } == "sort")
        #expect(parameter { $0.facets = ["ratingAvg"] } == "facets", "filterable and sortable, not facetable")
        #expect(parameter { $0.distinct = "model" } == "distinct")
        #expect(parameter { $0.limit = 1_000_000 } == "limit")
        #expect(parameter { $0.offset = -1 } == "limit")
        #expect(parameter { $0.page = Int.max; $0.hitsPerPage = 20 } == "page")
        #expect(parameter { $0.hitsPerPage = 100_000 } == "hitsPerPage")
        #expect(parameter { $0.maxValuesPerFacet = -1 } == "maxValuesPerFacet")
        #expect(parameter { $0.formatting.crop = ["title": -3] } == "cropLength")
        #expect(throws: IndexError.self) { _ = try SortKey.parse("views:up") }
        #expect(throws: IndexError.self) { _ = try SortKey.parse("views") }
        #expect(try fixture.index.snapshot().check().isEmpty)
    }
}
