// Compile-only stand-in for MSAL4J's API (signatures from its documentation); never run: the tests set
// MAIL_ACCESS_TOKEN, so the generated program does not sign in and never loads this class.
package com.microsoft.aad.msal4j;

public final class DeviceCodeFlowParameters {
  public static Builder builder(java.util.Set<String> scopes, java.util.function.Consumer<DeviceCode> deviceCodeConsumer) { throw new UnsupportedOperationException("stub"); }
  public static final class Builder { public DeviceCodeFlowParameters build() { throw new UnsupportedOperationException("stub"); } }
}
