package dev.ovid.web.security;

import dev.ovid.registry.user.OvidUser;
import dev.ovid.registry.user.UserService;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Restores the identity of a logged-in UI user from the login cookie (which names the user): the
 * user must still exist and be enabled, and gets their current roles, so a disabled user or a
 * changed role takes effect on the next request.
 */
@ApplicationScoped
public class TrustedIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {
  @Inject UserService users;

  @Override
  public Class<TrustedAuthenticationRequest> getRequestType() {
    return TrustedAuthenticationRequest.class;
  }

  @Override
  public Uni<SecurityIdentity> authenticate(
      TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
    return context
        .runBlocking(
            () -> {
              Optional<OvidUser> user = users.find(request.getPrincipal()).filter(u -> u.enabled);
              return user.map(
                      u ->
                          (SecurityIdentity)
                              QuarkusSecurityIdentity.builder()
                                  .setPrincipal(new QuarkusPrincipal(u.username))
                                  .addRoles(u.roleSet())
                                  .build())
                  .orElse(null);
            })
        .onItem()
        .ifNull()
        .failWith(() -> new AuthenticationFailedException("user no longer exists or is disabled"));
  }
}
