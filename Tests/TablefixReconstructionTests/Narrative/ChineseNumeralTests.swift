import Testing
@testable import TablefixReconstruction

@Suite("Chinese numerals")
struct ChineseNumeralTests {
    func value(_ text: String) -> Int? { ChineseNumeral.value(of: ProseText.scalars(of: text)[...]) }

    @Test(
        "reads counts as reports write them",
        arguments: [
            ("十", 10), ("十五", 15), ("二十", 20), ("二十六", 26), ("一百零五", 105), ("两千三百", 2300), ("两", 2),
            ("〇", 0), ("零", 0), ("三十万", 300_000), ("一千零一十", 1010), ("百", 100),
        ])
    func counts(text: String, expected: Int) {
        #expect(value(text) == expected)
    }

    @Test(
        "reads the spoken shortening: 一百一 is 110, 两千三 is 2300, 两万三 is 23000",
        arguments: [
            ("一百一", 110), ("两千三", 2300), ("两万三", 23_000),
        ])
    func shortenings(text: String, expected: Int) {
        #expect(value(text) == expected)
    }

    @Test(
        "refuses runs that are no numeral: digits in a row, a year spelled out, a lone 万",
        arguments: [
            "一二", "二〇二二", "万", "十十", "百千", "零十",
        ])
    func notNumerals(text: String) {
        #expect(value(text) == nil)
    }
}
