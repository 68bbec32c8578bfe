package io.github.policydsl.api.result;

/**
 * Counts of rule results by outcome.
 *
 * @param pass passing results
 * @param fail failing results
 * @param warn warnings
 * @param error results that could not be evaluated
 * @param skip skipped or exempted results
 */
public record Summary(int pass, int fail, int warn, int error, int skip) {

    /** The total number of results. */
    public int total() {
        return pass + fail + warn + error + skip;
    }

    @Override
    public String toString() {
        return "pass " + pass + ", fail " + fail + ", warn " + warn + ", error " + error + ", skip " + skip;
    }
}
