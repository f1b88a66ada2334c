extension Lexer {
    /// The tokenizer's state between two tokens where the input ran out: enough to tokenize lines that follow as
    /// the continuation of the same input, so interactive input read a line at a time is tokenized once in all.
    struct Resumption: Sendable {
        /// The columns of the open blocks, outermost first (CPython's `indstack`).
        var indents: [Int]
        /// The same counting a tab as one column (`altindstack`), to catch tabs and spaces that disagree.
        var altIndents: [Int]
        /// The brackets open, innermost last.
        var brackets: [OpenBracket]
        /// Whether the text that follows is read as a line's start, measuring its indentation (false mid-line and
        /// after a continuation backslash that is not in the indentation).
        var atLineStart: Bool
        /// The number of the last line read.
        var lineNumber: Int
        /// The indentation measured so far when the input ran out after a continuation backslash in a line's
        /// indentation: the text that follows goes on measuring it.
        var indentation: PartialIndentation?

        /// The state before any input.
        static let start = Resumption(
            indents: [0], altIndents: [0], brackets: [], atLineStart: true, lineNumber: 0, indentation: nil)
    }

    /// A line's indentation measured up to a continuation backslash in it.
    struct PartialIndentation: Sendable, Equatable {
        /// The column, a tab advancing to the next multiple of eight.
        var column: Int
        /// The column counting a tab as one.
        var altColumn: Int
        /// The column of the first backslash past column 0, which fixes the indentation; 0 before one.
        var continuationColumn: Int
    }

    /// Tokenizes `source` as the text that follows input which left the tokenizer in `state`, noting where it could
    /// resume again. Line numbers count from the state's, so a state taken mid-line numbers the lines after it one
    /// too high (errors are not read from such a run, only whether input is whole).
    init(_ source: SourceText, resuming state: Resumption) {
        self.source = source
        self.scalars = source.scalars
        notesResumables = true
        lineNumber = state.lineNumber
        indents = state.indents
        altIndents = state.altIndents
        brackets = state.brackets
        atBeginningOfLine = state.atLineStart
        resumedIndentation = state.indentation
        run()
    }

    /// The state here, between tokens, or inside a line's indentation after a continuation backslash.
    func resumption(atLineStart: Bool, indentation: PartialIndentation? = nil) -> Resumption {
        Resumption(indents: indents, altIndents: altIndents, brackets: brackets, atLineStart: atLineStart,
                   lineNumber: lineNumber, indentation: indentation)
    }
}
