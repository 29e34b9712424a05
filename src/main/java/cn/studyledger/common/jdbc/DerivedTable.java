package cn.studyledger.common.jdbc;

/**
 * A table a module keeps from its own records (a summary the roll-up reads instead of the records): never archived,
 * kept by the module's services as records are written, and rebuilt from the records after rows were written around
 * the services (an archive restore).
 */
public interface DerivedTable {

    /** The table's name. */
    String table();

    /** Recomputes the whole table from the records, in the caller's transaction. */
    void rebuild();
}
