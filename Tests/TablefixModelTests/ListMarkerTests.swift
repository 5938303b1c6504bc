import Testing
import TablefixModel

@Suite("ListMarker")
struct ListMarkerTests {
    @Test("reads a section number in Chinese numerals")
    func sectionNumber() throws {
        let marker = try #require(ListMarker(parsing: "三、收到和处理政府信息公开申请情况"))
        #expect(marker.style == .chineseComma)
        #expect(marker.value == 3)
        #expect(marker.length == 2)
    }

    @Test("reads a subsection number in full-width and half-width parentheses")
    func subsectionNumber() throws {
        #expect(ListMarker(parsing: "（二）依申请公开")?.style == .chineseParen)
        #expect(ListMarker(parsing: "(十一) 其他")?.value == 11)
    }

    @Test("reads Arabic list numbers and the space after them")
    func arabicNumbers() throws {
        let comma = try #require(ListMarker(parsing: "4、 政府信息公开行政复议"))
        #expect(comma.style == .arabicComma)
        #expect(comma.value == 4)
        #expect(comma.trailingSpace == 1)
        #expect(ListMarker(parsing: "（1） 认真做好")?.style == .arabicParen)
        #expect(ListMarker(parsing: "2.重复申请")?.style == .arabicDot)
    }

    @Test("does not take a number or a year for a list number")
    func notMarkers() {
        #expect(ListMarker(parsing: "1.5万元") == nil)
        #expect(ListMarker(parsing: "2023年") == nil)
        #expect(ListMarker(parsing: "一是加强") == nil)
        #expect(ListMarker(parsing: "") == nil)
    }

    @Test("takes digits or numerals for a list number only when their comma or full stop follows them, nothing riding on it",
          arguments: [("12", nil), ("0", nil), ("15 件", nil), ("3．其他", 3), ("12、", 12), ("1\u{301}、", nil), ("1、\u{301}", nil),
                      ("一是加强", nil), ("二十", nil), ("十二、其他", 12), ("三\u{301}、", nil)] as [(String, Int?)])
    func digitsBeforeTheirEnd(text: String, value: Int?) {
        #expect(ListMarker(parsing: text[...])?.value == value)
    }

    @Test("converts Chinese numerals both ways", arguments: [1, 9, 10, 11, 20, 23, 99])
    func numerals(value: Int) throws {
        let text = try #require(ChineseNumeral.listText(for: value))
        #expect(ChineseNumeral.listValue(text) == value)
    }
}
