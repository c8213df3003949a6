module org.gfn4j.runtime {
    requires org.gfn4j.api;
}
