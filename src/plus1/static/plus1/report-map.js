/* The map on the melding form (portal/_report_map.html): a point next to the address field.
   Only loaded when a tile server is configured; without JavaScript the block stays hidden. */
(function () {
  "use strict";
  var block = document.getElementById("report-map-block");
  var element = document.getElementById("report-map");
  if (!block || !element || typeof L === "undefined") {
    return;
  }
  block.hidden = false;
  var latitude = document.getElementById("report-latitude");
  var longitude = document.getElementById("report-longitude");
  var status = document.getElementById("report-map-status");
  var map = L.map(element, { keyboard: true }).setView([52.1, 5.3], 7);
  map.attributionControl.setPrefix(false);
  L.tileLayer(element.dataset.tileUrl, {
    maxZoom: 19,
    attribution: element.dataset.attribution,
  }).addTo(map);
  var marker = null;

  function choose(point) {
    latitude.value = point.lat.toFixed(6);
    longitude.value = point.lng.toFixed(6);
    if (marker) {
      marker.setLatLng(point);
    } else {
      marker = L.marker(point, { keyboard: false, alt: "" }).addTo(map);
    }
    status.textContent = element.dataset.chosenText;
  }

  if (latitude.value && longitude.value) {
    var earlier = L.latLng(parseFloat(latitude.value), parseFloat(longitude.value));
    choose(earlier);
    map.setView(earlier, 17);
  }
  map.on("click", function (event) {
    choose(event.latlng);
  });
  document.getElementById("report-map-centre").addEventListener("click", function () {
    choose(map.getCenter());
  });
})();
