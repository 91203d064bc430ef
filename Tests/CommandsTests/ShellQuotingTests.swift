@testable import Commands
import Testing

@Suite struct ShellQuotingTests {
    /// Words of the report's command line are quoted only when a shell would split or expand them.
    /// (The rebuilt line itself is checked end to end in `DemoCommandTests.reportKeepsADetectorThatPredicts`.)
    @Test func commandLineWordsAreShellQuotedWhenNeeded() {
        #expect(DatasetCompareCommand.shellQuoted("a-b_c.d/e:1,2=3@4%5+6") == "a-b_c.d/e:1,2=3@4%5+6")
        #expect(DatasetCompareCommand.shellQuoted("out dir") == "'out dir'")
        #expect(DatasetCompareCommand.shellQuoted("/data/it's") == "'/data/it'\\''s'")
        #expect(DatasetCompareCommand.shellQuoted("") == "''")
        #expect(DatasetCompareCommand.shellQuoted("$HOME") == "'$HOME'")
        #expect(DatasetCompareCommand.shellQuoted("café") == "'café'")
    }
}
