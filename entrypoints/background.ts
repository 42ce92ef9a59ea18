export default defineBackground(() => {
  // wired by lib/messaging + services (spine issue)
});
