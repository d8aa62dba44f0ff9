package dev.registrar.infra;

/** The real servers a stack can start. */
public enum Server {
    POSTGRES, KAFKA, ELASTICSEARCH
}
