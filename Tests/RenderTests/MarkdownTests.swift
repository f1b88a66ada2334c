import Render
import XCTest

/// Markdown blocks and inlines as a reader sees them: golden text for each construct, styles where they carry
/// meaning.
final class MarkdownTests: XCTestCase {
    private let plain = RenderOptions(colors: .none, charset: .unicode)

    private func render(_ markdown: String, width: Int = 40, options: RenderOptions? = nil) -> [String] {
        MarkdownRenderer.render(markdown, width: width, options: options ?? plain).map(\.text)
    }

    /// The cells of the first rendered line whose text contains `fragment`, from where it starts.
    private func cells(_ markdown: String, _ fragment: String) -> [Cell] {
        for line in MarkdownRenderer.render(markdown, width: 80, options: .full) {
            let characters = line.cells.map(\.text)
            let target = fragment.map(String.init)
            guard target.count <= characters.count else { continue }
            for start in 0...(characters.count - target.count) where Array(characters[start..<(start + target.count)]) == target {
                return Array(line.cells[start..<(start + target.count)])
            }
        }
        XCTFail("\(fragment) not rendered")
        return []
    }

    func testHeadingsAreDistinctByLevel() {
        XCTAssertEqual(render("# Title\n\n## Section\n\n### Part\n\n#### Four\n\n##### Five\n\n###### Six ##"),
                       ["Title", "═════", "", "Section", "───────", "", "Part", "", "Four", "", "Five", "", "Six"])
        XCTAssertTrue(cells("# Title", "Title").allSatisfy { $0.style.bold })
        XCTAssertNotEqual(cells("# Title", "T")[0].style, cells("### Title", "T")[0].style)
        XCTAssertEqual(render("Setext\n======\n\nOther\n---"), ["Setext", "══════", "", "Other", "─────"])
        XCTAssertEqual(render("##Loss surface"), ["Loss surface", "────────────"], "notebooks accept ## without a space")
        XCTAssertEqual(render("#hashtag"), ["#hashtag"])
        XCTAssertEqual(render("# Title", options: .plainASCII), ["Title", "====="])
    }

    func testParagraphsWrapAtWordsAndJoinLines() {
        XCTAssertEqual(render("The quick brown fox\njumps over the lazy dog.", width: 16),
                       ["The quick brown", "fox jumps over", "the lazy dog."])
        XCTAssertEqual(render("a supercalifragilistic word", width: 8), ["a", "supercal", "ifragili", "stic", "word"])
        XCTAssertEqual(render("First.\n\nSecond."), ["First.", "", "Second."])
    }

    func testWrappingCountsWideCharactersAsTwoColumns() {
        let lines = MarkdownRenderer.render("注意力 机制 ✅ done ❌ not", width: 8, options: plain)
        XCTAssertEqual(lines.map(\.text), ["注意力", "机制 ✅", "done ❌", "not"])
        XCTAssertTrue(lines.allSatisfy { $0.width <= 8 })
    }

    func testEmphasisAndInlineCode() {
        XCTAssertEqual(render("*it* _it_ **bo** __bo__ ***both*** ~~gone~~ `co de`"), ["it it bo bo both gone co de"])
        let source = "*it* **bo** ***bi*** ~~st~~ `co`"
        XCTAssertTrue(cells(source, "it")[0].style.italic)
        XCTAssertTrue(cells(source, "bo")[0].style.bold)
        XCTAssertTrue(cells(source, "bi")[0].style.bold && cells(source, "bi")[0].style.italic)
        XCTAssertTrue(cells(source, "st")[0].style.dim)
        XCTAssertNotNil(cells(source, "co")[0].style.background, "inline code stands out")
        XCTAssertEqual(render("**bold with *italic* inside**"), ["bold with italic inside"])
        XCTAssertTrue(cells("**bold with *italic* inside**", "italic")[0].style.italic)
        XCTAssertTrue(cells("**bold with *italic* inside**", "italic")[0].style.bold)
    }

    func testMarkersThatAreNotEmphasisStay() {
        XCTAssertEqual(render("snake_case_name and y_t_hat"), ["snake_case_name and y_t_hat"])
        XCTAssertEqual(render("2 * 3 * 4"), ["2 * 3 * 4"])
        XCTAssertEqual(render(#"\*not italic\* and \_ and \\"#), [#"*not italic* and _ and \"#])
        XCTAssertEqual(render("costs 5$ or $ 6"), ["costs 5$ or $ 6"])
        XCTAssertEqual(render("``code with ` tick``"), ["code with ` tick"])
        XCTAssertEqual(render("a `unclosed code"), ["a `unclosed code"])
    }

    func testBulletListsNestByIndentation() {
        let source = "- one\n- two\n  - nested\n    * deeper\n+ other list"
        XCTAssertEqual(render(source), ["• one", "• two", "  ◦ nested", "    ▪ deeper", "", "• other list"])
        XCTAssertEqual(render(source, options: .plainASCII), ["- one", "- two", "  * nested", "    + deeper", "", "- other list"])
        XCTAssertEqual(render("- a long item that has to wrap", width: 16), ["• a long item", "  that has to", "  wrap"])
        XCTAssertEqual(render("- first\n\n- second"), ["• first", "", "• second"], "a loose list keeps its blank lines")
    }

    func testNumberedListsKeepTheirNumbers() {
        XCTAssertEqual(render("1. one\n2. two\n   - sub\n3. three"), ["1. one", "2. two", "   ◦ sub", "3. three"])
        XCTAssertEqual(render("3. three\n4. four"), ["3. three", "4. four"])
        XCTAssertEqual(render("9. nine\n10. ten"), [" 9. nine", "10. ten"])
        XCTAssertEqual(render("1) paren"), ["1. paren"])
    }

    func testBlockQuotesHaveABar() {
        XCTAssertEqual(render("> quoted text that wraps here\n> and continues", width: 20),
                       ["│ quoted text that", "│ wraps here and", "│ continues"])
        XCTAssertEqual(render("> a\n>\n> b", options: .plainASCII), ["| a", "| ", "| b"])
        XCTAssertTrue(cells("> words", "words")[0].style.italic)
    }

    func testCodeBlocksKeepTheirLines() {
        XCTAssertEqual(render("```\nx = 1\n    y\n```"), ["  x = 1", "      y"])
        XCTAssertEqual(render("~~~text\na  b\n~~~"), ["  a  b"])
        XCTAssertEqual(render("    indented\n    code"), ["  indented", "  code"])
        XCTAssertEqual(render("```\nunclosed"), ["  unclosed"])
        XCTAssertEqual(render("```\n0123456789\n```", width: 8), ["  012345", "  6789"], "long lines continue")
    }

    func testLinksShowTextAndAddress() {
        XCTAssertEqual(render("see [the docs](https://x.org/a) now"), ["see the docs (https://x.org/a) now"])
        XCTAssertTrue(cells("[the docs](https://x.org)", "docs")[0].style.underline)
        XCTAssertTrue(cells("[the docs](https://x.org)", "https")[0].style.dim)
        XCTAssertEqual(render("<https://x.org> and [https://y.org](https://y.org)"), ["https://x.org and https://y.org"])
        XCTAssertEqual(render("[text](<a b> \"title\")"), ["text (a b)"])
        XCTAssertEqual(render("[not a link] here"), ["[not a link] here"])
        // Destinations keep balanced parentheses and escaped ones; an unclosed `[` before a link stays text.
        XCTAssertEqual(render("[f](https://x.org/f_(x)) and [g](a\\)b)", width: 80),
                       ["f (https://x.org/f_(x)) and g (a)b)"])
        XCTAssertEqual(render("[x [y](z) and [w [v]](u 'title')", width: 80), ["[x y (z) and w [v] (u)"])
        // An angled destination ends at its line; a comment needs its `-->`.
        XCTAssertEqual(render("[a](<w\nz>) [d](e <!-- f", width: 80), ["[a](<w z>) [d](e <!-- f"])
    }

    func testImagesShowTheirAltText() {
        XCTAssertEqual(render("![A plot](plot.png)"), ["[image: A plot] (plot.png)"])
        XCTAssertTrue(cells("![A plot](plot.png)", "plot.png")[0].style.dim)
        XCTAssertEqual(render("![Multihead](https://e.com/$s_!Q6zJ!,f_auto.png)", width: 80),
                       ["[image: Multihead] (https://e.com/$s_!Q6zJ!,f_auto.png)"], "a $ in an address is not math")
    }

    func testThematicBreakIsAFullWidthRule() {
        XCTAssertEqual(render("above\n\n---\n\nbelow", width: 10), ["above", "", "──────────", "", "below"])
        XCTAssertEqual(render("***", width: 5, options: .plainASCII), ["-----"])
        XCTAssertEqual(render("_ _ _", width: 3), ["───"])
    }

    func testHTMLIsReducedToItsText() {
        XCTAssertEqual(render("one<br>two<br/>three"), ["one", "two", "three"])
        XCTAssertEqual(render(#"<img src="pic.png" alt="A picture" width="300">"#), ["[image: A picture] (pic.png)"])
        XCTAssertEqual(render("<b>bold</b> and <span class=\"x\">span</span><!-- hidden -->"), ["bold and span"])
        XCTAssertEqual(render("a &amp; b &lt; c &#8594; d"), ["a & b < c → d"])
        XCTAssertEqual(render("x < y and a<b"), ["x < y and a<b"])
        XCTAssertEqual(render("a List<T> of <tokens> here"), ["a List<T> of <tokens> here"], "only HTML tags are markup")
    }

    func testHardLineBreaks() {
        XCTAssertEqual(render("two spaces  \nnext\\\nlast"), ["two spaces", "next", "last"])
        XCTAssertEqual(render("**Chain Rule**  \n$$\nx_1\n$$", width: 10), ["Chain Rule", "", "    x₁"])
    }

    func testInlineAndDisplayMath() {
        XCTAssertEqual(render(#"Each position $t$ sees $\{1, \ldots, t\}$."#), ["Each position t sees {1, …, t}."])
        XCTAssertEqual(render("$$\n\\frac{a}{b}\n$$", width: 9), ["    a", "   ───", "    b"])
        XCTAssertEqual(render(#"$$\alpha$$"#, width: 5), ["  α"])
        XCTAssertEqual(render(#"$$\alpha$$ is the rate"#), ["α is the rate"], "text after the formula is kept")
        XCTAssertEqual(render("text\n$$x_1$$\nmore", width: 8), ["text", "", "   x₁", "", "more"])
        XCTAssertEqual(render(#"\(N \times M\) and \[x_1\]"#), ["N × M and x₁"])
        XCTAssertEqual(render("  - item\n    $$\n    P(y_t)\n    $$", width: 12), ["• item", "    P(yₜ)"])
        XCTAssertEqual(render(#"a formula $x_{t-1}$ stays whole"#, width: 12), ["a formula", "xₜ₋₁ stays", "whole"])
    }

    func testASCIIOutputIsPureASCII() {
        let source = """
        # Heading ✨
        Text with “quotes” – dashes … and → arrows, café, ✅ and ❌, $\\alpha \\le \\sqrt{x}$.
        - item
          - nested
        > quote
        ---
        | a | b |
        |---|---|
        | ✅ | ❌ |
        $$
        \\sum_{i=1}^n \\frac{x_i}{\\sqrt{n}}
        $$
        """
        for line in MarkdownRenderer.render(source, width: 30, options: .plainASCII) {
            XCTAssertTrue(line.text.unicodeScalars.allSatisfy { $0.value < 128 }, line.text)
        }
        XCTAssertEqual(render("✅ done → café …", options: .plainASCII), ["[x] done -> cafe ..."])
    }

    func testDegenerateInputDoesNotCrash() {
        let sources = ["", "\n\n\n", "#", "-", "1.", ">", "|", "|-|", "```", "$$", "$", "[", "![", "<", "*", "**", "~~",
                       String(repeating: ">", count: 200) + " deep", String(repeating: "  - ", count: 100) + "x",
                       String(repeating: "*", count: 300), String(repeating: "[", count: 300),
                       String(repeating: "\\", count: 101), "| a |\n|---|\n| b | c | d |"]
        for source in sources {
            for width in [0, 1, 3, 40] {
                _ = MarkdownRenderer.render(source, width: width, options: .full)
                _ = MarkdownRenderer.render(source, width: width, options: .plainASCII)
            }
        }
        XCTAssertEqual(render(""), [])
    }
}
