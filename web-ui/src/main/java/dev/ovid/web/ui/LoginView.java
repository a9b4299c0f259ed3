package dev.ovid.web.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment;
import com.vaadin.flow.component.orderedlayout.FlexComponent.JustifyContentMode;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import dev.ovid.web.security.CurrentUser;
import dev.ovid.web.security.SingleSignOnRoute;
import dev.ovid.web.ui.home.HomeView;

/**
 * The log-in page. The form posts natively to Quarkus' {@code j_security_check} (form
 * authentication), which sets the login cookie and redirects to the landing page; a failed attempt
 * comes back here with {@code ?error}. When an OpenID Connect provider is configured, a link logs
 * in through it instead ({@link SingleSignOnRoute}).
 */
@Route("login")
@PageTitle("Log in | Ovid")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {
  private final LoginForm form = new LoginForm();

  public LoginView(SingleSignOnRoute singleSignOn) {
    setSizeFull();
    setAlignItems(Alignment.CENTER);
    setJustifyContentMode(JustifyContentMode.CENTER);
    form.setId("login-form");
    form.setAction("j_security_check");
    form.setForgotPasswordButtonVisible(false);
    add(
        new H1("Ovid"),
        new Paragraph("Open-vocabulary video classification: pipelines, vocabularies, lineage."),
        form);
    if (singleSignOn.enabled()) {
      Anchor sso = new Anchor(SingleSignOnRoute.PATH, "Log in with " + singleSignOn.providerName());
      sso.setId("sso-login");
      // A server route (the provider's redirect dance), not a Vaadin view.
      sso.setRouterIgnore(true);
      add(sso);
    }
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    if (!"anonymous".equals(CurrentUser.name())) {
      event.forwardTo(HomeView.class);
      return;
    }
    form.setError(event.getLocation().getQueryParameters().getParameters().containsKey("error"));
  }
}
