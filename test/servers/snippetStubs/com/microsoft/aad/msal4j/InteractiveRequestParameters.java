// Compile-only stand-in for MSAL4J's API (signatures from its documentation); never run: the tests set
// MAIL_ACCESS_TOKEN, so the generated program does not sign in and never loads this class.
package com.microsoft.aad.msal4j;

public final class InteractiveRequestParameters {
  public static Builder builder(java.net.URI redirectUri) { throw new UnsupportedOperationException("stub"); }
  public static final class Builder { public Builder scopes(java.util.Set<String> scopes) { throw new UnsupportedOperationException("stub"); } public InteractiveRequestParameters build() { throw new UnsupportedOperationException("stub"); } }
}
