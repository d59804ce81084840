// Compile-only stand-in for MSAL4J's API (signatures from its documentation); never run: the tests set
// MAIL_ACCESS_TOKEN, so the generated program does not sign in and never loads this class.
package com.microsoft.aad.msal4j;

public final class DeviceCode { public String message() { throw new UnsupportedOperationException("stub"); } }
