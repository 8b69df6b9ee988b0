// Device icons, drawn on a 24 x 24 grid.

export const icons = {
  light: 'M12 2a7 7 0 0 0-4 12.7V17a1 1 0 0 0 1 1h6a1 1 0 0 0 1-1v-2.3A7 7 0 0 0 12 2zm-3 18h6v1a1 1 0 0 1-1 1h-4a1 1 0 0 1-1-1z',
  switch: 'M11 2h2v10h-2zM6.3 5.3l1.4 1.4a7 7 0 1 0 8.6 0l1.4-1.4a9 9 0 1 1-11.4 0z',
  climate: 'M10 4a2 2 0 0 1 4 0v9.3a4 4 0 1 1-4 0zm1 10.2a2 2 0 1 0 2 0V8h-2z',
  cover: 'M4 3h16v2H4zm1 3h14v2H5zm0 3h14v2H5zm0 3h14v2H5zm6 3h2v3.3a1.5 1.5 0 1 1-2 0z',
  lock: 'M7 10V7a5 5 0 0 1 10 0v3h1a1 1 0 0 1 1 1v10a1 1 0 0 1-1 1H6a1 1 0 0 1-1-1V11a1 1 0 0 1 1-1zm2 0h6V7a3 3 0 0 0-6 0z',
  sensor: 'M12 4a9 9 0 0 0-7.8 13.5h15.6A9 9 0 0 0 12 4zm1.4 10.4a2 2 0 1 1-2.8-2.8L16 8z',
};
