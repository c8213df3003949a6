module org.gfn4j.estimators {
    requires org.gfn4j.api;
}
