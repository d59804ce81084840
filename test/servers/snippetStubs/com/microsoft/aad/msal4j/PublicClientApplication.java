// Compile-only stand-in for MSAL4J's API (signatures from its documentation); never run: the tests set
// MAIL_ACCESS_TOKEN, so the generated program does not sign in and never loads this class.
package com.microsoft.aad.msal4j;

public final class PublicClientApplication {
  public static Builder builder(String clientId) { throw new UnsupportedOperationException("stub"); }
  public java.util.concurrent.CompletableFuture<IAuthenticationResult> acquireToken(DeviceCodeFlowParameters parameters) { throw new UnsupportedOperationException("stub"); }
  public java.util.concurrent.CompletableFuture<IAuthenticationResult> acquireToken(InteractiveRequestParameters parameters) { throw new UnsupportedOperationException("stub"); }
  public static final class Builder { public Builder authority(String authority) { throw new UnsupportedOperationException("stub"); } public Builder validateAuthority(boolean validate) { throw new UnsupportedOperationException("stub"); } public PublicClientApplication build() { throw new UnsupportedOperationException("stub"); } }
}
